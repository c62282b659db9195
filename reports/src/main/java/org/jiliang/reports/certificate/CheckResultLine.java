package org.jiliang.reports.certificate;

import java.util.Objects;
import org.jiliang.reports.Quantity;

/**
 * One check point of an intermediate check record.
 *
 * @param point     the point as the plan names it, e.g. "1 kg"
 * @param readings  the readings as taken, with their unit
 * @param mean      their mean
 * @param reference the check standard's reference value with its U, or null when the plan judges by control limits
 * @param judgement the criterion applied, as finished text: "E_n = 0.42", "控制限内 within the control limits"
 * @param passed    whether the point passed the criterion
 */
public record CheckResultLine(String point, String readings, Quantity mean, String reference, String judgement,
        boolean passed) {

    public CheckResultLine {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(readings, "readings");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(judgement, "judgement");
    }
}
