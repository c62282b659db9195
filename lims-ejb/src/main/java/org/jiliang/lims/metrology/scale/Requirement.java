package org.jiliang.lims.metrology.scale;

import org.jiliang.lims.metrology.DecimalText;
import org.jiliang.lims.metrology.Mass;

/**
 * What the result of a point is and what it is held to, as each test defines it, so that the bench, the review page
 * and the certificate show the value beside its own requirement and not every row as an error beside an MPE:
 * <ul>
 * <li>zero setting: the error at zero E0 within the zero-setting limit ±0.25 e (R 76-1 3.5.3.3, [M]);</li>
 * <li>weighing, eccentricity, tare: the corrected error Ec = E − E0 within ±MPE (R 76-1 3.5.1, 3.6.2, 3.5.3.4);</li>
 * <li>repeatability: the difference between the largest and the smallest error of the series, not more than
 *     |MPE| (R 76-1 3.6.1);</li>
 * <li>discrimination: the change of the indication when 1.4 d is added, at least one actual scale interval d
 *     (R 76-1 3.8.2, A.4.8.2: the indication goes from I to at least I + d, [M]).</li>
 * </ul>
 *
 * @param symbol what the value judged is: {@code E0}, {@code Ec}, {@code Emax − Emin}, {@code ΔI}
 * @param limit  the requirement as printed: {@code ±5 g}, {@code ≤ 5 g}, {@code ≥ 5 g}
 * @param signed whether a positive value is shown with its sign (an error), or as a size (a spread, a change
 *               that must reach d)
 */
public record Requirement(String symbol, String limit, boolean signed) {

    static Requirement of(TestPoint point, Mass d) {
        return switch (point.test()) {
            case ZERO_SETTING -> new Requirement("E0", "±" + DecimalText.grouped(point.mpe()), true);
            case WEIGHING, ECCENTRICITY, TARE -> new Requirement("Ec", "±" + DecimalText.grouped(point.mpe()), true);
            case REPEATABILITY -> new Requirement("Emax − Emin", "≤ " + DecimalText.grouped(point.mpe()), false);
            case DISCRIMINATION -> new Requirement("ΔI", "≥ " + DecimalText.grouped(d), false);
        };
    }

    /** The value judged with its symbol: "Ec = +2.5 g", "Emax − Emin = 5 g", "ΔI = +5 g". */
    public String shown(Mass value) {
        return symbol + " = " + (signed ? DecimalText.signed(value) : DecimalText.grouped(value));
    }
}
