package org.jiliang.lims.metrology.uncertainty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Degrees of freedom ν of a standard uncertainty: a positive number, not necessarily an integer (Welch–Satterthwaite
 * gives fractional values), or infinite for a Type B evaluation whose limits are taken as exactly known (GUM G.4.2).
 */
public final class DegreesOfFreedom implements Comparable<DegreesOfFreedom> {

    private static final DegreesOfFreedom INFINITE = new DegreesOfFreedom(null);

    /** Null means infinite. */
    private final BigDecimal value;

    private DegreesOfFreedom(BigDecimal value) {
        this.value = value;
    }

    /** ν = ∞. */
    public static DegreesOfFreedom infinite() {
        return INFINITE;
    }

    /** A finite ν &gt; 0. */
    public static DegreesOfFreedom of(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("Degrees of freedom must be positive, was " + value.toPlainString());
        }
        return new DegreesOfFreedom(value);
    }

    public static DegreesOfFreedom of(long value) {
        return of(BigDecimal.valueOf(value));
    }

    /** Parses the {@link #toString} form: a decimal number or "∞" (also "inf"). */
    public static DegreesOfFreedom parse(String text) {
        String t = Objects.requireNonNull(text, "text").strip();
        if (t.equals("∞") || t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
            return INFINITE;
        }
        try {
            return of(new BigDecimal(t));
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("Not a number of degrees of freedom: \"" + text + "\"", ex);
        }
    }

    public boolean isInfinite() {
        return value == null;
    }

    /**
     * The finite value.
     *
     * @throws IllegalStateException if ν is infinite
     */
    public BigDecimal value() {
        if (value == null) {
            throw new IllegalStateException("ν is infinite");
        }
        return value;
    }

    /**
     * ν truncated to the next lower integer, the way the coverage factor is looked up (GUM G.4.1); infinite stays
     * infinite.
     */
    public DegreesOfFreedom truncated() {
        if (value == null) {
            return this;
        }
        BigDecimal whole = value.setScale(0, RoundingMode.FLOOR);
        if (whole.signum() <= 0) {
            throw new IllegalStateException("ν = " + value.toPlainString()
                    + " is below 1: no Student t coverage factor can be given");
        }
        return new DegreesOfFreedom(whole);
    }

    @Override
    public int compareTo(DegreesOfFreedom other) {
        if (value == null || other.value == null) {
            return value == null ? (other.value == null ? 0 : 1) : -1;
        }
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DegreesOfFreedom other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return value == null ? 0 : value.stripTrailingZeros().hashCode();
    }

    /** "∞" or the plain decimal value, e.g. "16.7". */
    @Override
    public String toString() {
        return value == null ? "∞" : value.toPlainString();
    }
}
