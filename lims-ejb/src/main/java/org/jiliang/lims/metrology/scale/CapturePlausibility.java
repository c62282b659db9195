package org.jiliang.lims.metrology.scale;

import java.math.BigDecimal;
import java.util.Objects;
import org.jiliang.lims.metrology.CsvResource;

/**
 * How near the load a test point expects an indication must be for the capture to be taken as that load: within
 * {@code windowLimits} times the larger of the point's limit and e. The institute's policy, read from
 * {@code metrology/scale/capture-plausibility.csv}; not a clause of R 76.
 *
 * @param windowLimits the width of the window in limits, positive
 * @param source       where the number comes from, as the table says
 */
public record CapturePlausibility(BigDecimal windowLimits, String source) {

    static final String RESOURCE = "metrology/scale/capture-plausibility.csv";

    private static final CapturePlausibility INSTITUTE = load();

    public CapturePlausibility {
        Objects.requireNonNull(windowLimits, "windowLimits");
        Objects.requireNonNull(source, "source");
        if (windowLimits.signum() <= 0) {
            throw new IllegalArgumentException("The plausibility window must be positive, was " + windowLimits);
        }
    }

    /** The institute's policy. */
    public static CapturePlausibility institute() {
        return INSTITUTE;
    }

    /**
     * The half-width of the window around the expected load, in the unit of its arguments.
     *
     * @param limit the point's limit (its MPE, the zero-setting limit), positive
     * @param e     the verification scale interval, in the same unit
     */
    public BigDecimal window(BigDecimal limit, BigDecimal e) {
        return limit.max(e).multiply(windowLimits);
    }

    private static CapturePlausibility load() {
        CsvResource table = CsvResource.load(RESOURCE).requireMetadata("source", "edition");
        BigDecimal limits = table.rows().stream().filter(r -> "window_limits".equals(r.text("name")))
                .map(r -> r.decimal("value")).findFirst()
                .orElseThrow(() -> new IllegalStateException(RESOURCE + " has no row window_limits"));
        return new CapturePlausibility(limits, table.metadata("source") + " (" + table.metadata("edition") + ")");
    }
}
