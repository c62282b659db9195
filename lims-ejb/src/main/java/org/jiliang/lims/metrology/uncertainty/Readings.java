package org.jiliang.lims.metrology.uncertainty;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A series of n independent observations of one quantity under the same conditions, the raw material of a Type A
 * evaluation (GUM 4.2).
 */
public record Readings(List<BigDecimal> values) {

    public Readings {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        if (values.size() < 2) {
            throw new IllegalArgumentException("A Type A evaluation needs at least two readings, got " + values.size());
        }
    }

    public static Readings of(String... values) {
        return new Readings(java.util.Arrays.stream(values).map(BigDecimal::new).toList());
    }

    public int count() {
        return values.size();
    }

    /** Arithmetic mean q̄ (GUM 4.2.1, equation 3). */
    public BigDecimal mean() {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Precision.tidy(sum.divide(BigDecimal.valueOf(count()), Precision.WORKING));
    }

    /** Experimental standard deviation s(q_k) with n − 1 in the denominator (GUM 4.2.2, equation 4). */
    public BigDecimal experimentalStandardDeviation() {
        BigDecimal mean = mean();
        BigDecimal squares = values.stream()
                .map(v -> v.subtract(mean).pow(2))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return Precision.tidy(Precision.sqrt(squares.divide(BigDecimal.valueOf(count() - 1L), Precision.WORKING)));
    }

    /** Experimental standard deviation of the mean s(q̄) = s(q_k)/√n (GUM 4.2.3, equation 5). */
    public BigDecimal standardDeviationOfMean() {
        return Precision.tidy(experimentalStandardDeviation()
                .divide(Precision.sqrt(BigDecimal.valueOf(count())), Precision.WORKING));
    }

    /** ν = n − 1 (GUM 4.2.6). */
    public DegreesOfFreedom degreesOfFreedom() {
        return DegreesOfFreedom.of(count() - 1L);
    }

    /**
     * Estimated correlation coefficient r(q̄, r̄) of the means of this series and another series observed
     * simultaneously in pairs (GUM 5.2.3 and C.3.6, equations 14 and 17).
     */
    public BigDecimal correlationWith(Readings other) {
        Objects.requireNonNull(other, "other");
        if (other.count() != count()) {
            throw new IllegalArgumentException("Correlated readings must be simultaneous pairs: " + count() + " and "
                    + other.count() + " readings");
        }
        BigDecimal meanA = mean();
        BigDecimal meanB = other.mean();
        BigDecimal sab = BigDecimal.ZERO;
        BigDecimal saa = BigDecimal.ZERO;
        BigDecimal sbb = BigDecimal.ZERO;
        for (int k = 0; k < count(); k++) {
            BigDecimal da = values.get(k).subtract(meanA);
            BigDecimal db = other.values.get(k).subtract(meanB);
            sab = sab.add(da.multiply(db));
            saa = saa.add(da.multiply(da));
            sbb = sbb.add(db.multiply(db));
        }
        if (saa.signum() == 0 || sbb.signum() == 0) {
            throw new IllegalArgumentException("A series without scatter has no correlation coefficient");
        }
        return Precision.tidy(sab.divide(Precision.sqrt(saa.multiply(sbb)), Precision.WORKING));
    }
}
