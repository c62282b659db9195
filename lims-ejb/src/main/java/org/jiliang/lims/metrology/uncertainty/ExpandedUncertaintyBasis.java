package org.jiliang.lims.metrology.uncertainty;

/**
 * What U = k·u_c is computed from, a choice a procedure makes and the certificate states. GUM 7.2.6 asks that u_c and
 * U be given with at most two significant digits; it does not fix whether U comes from u_c before or after that
 * rounding, and the published examples differ (GUM H.1.6 prints U_99 = 2.92 × 32 nm = 93 nm from the rounded
 * u_c = 32 nm; from the unrounded 31.7 nm the same rule gives 92 nm).
 */
public enum ExpandedUncertaintyBasis {
    /** U = k·u_c with u_c unrounded; only U is rounded for the certificate. The default. */
    UNROUNDED_COMBINED("U = k·u_c from the unrounded u_c"),
    /** U = k·u_c′ with u_c′ = u_c rounded to two significant digits (by the budget's rounding rule) first. */
    COMBINED_ROUNDED_TO_TWO_DIGITS("U = k·u_c from u_c rounded to two significant digits");

    private final String description;

    ExpandedUncertaintyBasis(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
