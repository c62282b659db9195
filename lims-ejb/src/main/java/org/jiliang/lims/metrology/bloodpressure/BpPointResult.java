package org.jiliang.lims.metrology.bloodpressure;

import java.util.Objects;
import java.util.Optional;
import org.jiliang.lims.metrology.Verdict;
import org.jiliang.lims.metrology.scale.BilingualText;

/**
 * The verdict on one point with its reason.
 *
 * @param value  the value judged (E in the meter's unit, the rebound, the leakage rate, the exhaust time); null
 *               for a check by eye
 * @param reason e.g. "示值误差 100 mmHg ↑：E = +4 mmHg，超出 MPE ±3 mmHg / indication error 100 mmHg ↑: E = +4 mmHg
 *               exceeds MPE ±3 mmHg"
 */
public record BpPointResult(BpPoint point, BpReading reading, BpValue value, Verdict verdict, BilingualText reason) {

    public BpPointResult {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    public Optional<BpValue> measured() {
        return Optional.ofNullable(value);
    }

    public boolean passed() {
        return verdict == Verdict.PASS;
    }
}
