package org.jiliang.lims.metrology.bloodpressure;

import java.util.Objects;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.scale.BilingualText;

/** What the technician records at one point of a plan; each kind of point takes one kind of reading. */
public sealed interface BpReading {

    /**
     * Indication test: the pressure of the reference standard (digital pressure standard, in kPa or mmHg) and the
     * indication of the meter, typed in the unit the meter shows.
     */
    record Indication(Quantity reference, Quantity indication) implements BpReading {
        public Indication {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(indication, "indication");
        }
    }

    /** Zero of a mercury meter: the indication open to atmosphere (reference zero), in the meter's unit. */
    record Zero(Quantity indication) implements BpReading {
        public Zero {
            Objects.requireNonNull(indication, "indication");
        }
    }

    /** Sensitivity of a mercury meter: the rebound of the column when the fast fall is stopped. */
    record Sensitivity(Quantity rebound) implements BpReading {
        public Sensitivity {
            Objects.requireNonNull(rebound, "rebound");
        }
    }

    /**
     * Air leakage: the pressure of the closed system at the start and at the end, read from the reference
     * standard, and the time between the two readings.
     */
    record Leakage(Quantity startPressure, Quantity endPressure, Quantity elapsed) implements BpReading {
        public Leakage {
            Objects.requireNonNull(startPressure, "startPressure");
            Objects.requireNonNull(endPressure, "endPressure");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /** Rapid exhaust: the time the pressure takes to fall between the two pressures of the test's condition. */
    record Exhaust(Quantity elapsed) implements BpReading {
        public Exhaust {
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /** A check by eye (appearance, the zero mark of an aneroid meter): conforms or not, with a remark if not. */
    record Visual(boolean conforms, String remark) implements BpReading {
        public Visual {
            remark = remark == null ? "" : remark.strip();
        }
    }

    /** How each kind of reading is named when one is missing or of the wrong kind. */
    static BilingualText describe(Class<? extends BpReading> kind) {
        if (kind == Indication.class) {
            return new BilingualText("标准器压力和血压计示值", "the reference pressure and the indication of the meter");
        } else if (kind == Zero.class) {
            return new BilingualText("通大气时的示值", "the indication open to atmosphere");
        } else if (kind == Sensitivity.class) {
            return new BilingualText("汞柱回弹量", "the rebound of the mercury column");
        } else if (kind == Leakage.class) {
            return new BilingualText("起始压力、结束压力和间隔时间", "the start and end pressure and the time between them");
        } else if (kind == Exhaust.class) {
            return new BilingualText("排气时间", "the exhaust time");
        }
        return new BilingualText("目测结果（符合或不符合）", "the result of the check by eye (conforms or not)");
    }
}
