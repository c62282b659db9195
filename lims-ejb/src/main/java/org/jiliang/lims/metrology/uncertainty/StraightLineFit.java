package org.jiliang.lims.metrology.uncertainty;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * A least-squares straight-line calibration curve y = a + b·(x − x₀) (GUM H.3, JJF 1059.1 on calibration curves):
 * the coefficients, their standard uncertainties and correlation, the residual standard deviation, and the predicted
 * value at a point with its standard uncertainty.
 *
 * <p>What is covered: the x_i are exact (their uncertainty is negligible or is carried by y, as GUM H.3 assumes
 * for the thermometer readings); the y_i are uncertain and independent.
 * <ul>
 * <li>{@link #ordinary}: equal, unknown uncertainty of the y_i, estimated from the residuals, s² = Σ r_i²/(n − 2);
 * the coefficient uncertainties then have ν = n − 2 (GUM H.3.3).</li>
 * <li>{@link #weighted}: stated standard uncertainties u(y_i), weights 1/u²(y_i); the coefficient uncertainties come
 * from the stated u(y_i) alone (ν = ∞), and χ² = Σ r_i²/u²(y_i) is given so the caller can check that the stated
 * uncertainties explain the scatter (χ² near n − 2).</li>
 * </ul>
 * Not covered: uncertain x (errors in variables, Deming or ISO/TS 28037 generalized distance regression), correlated
 * y_i, curves other than a straight line. All arithmetic is BigDecimal at 34 digits.
 */
public final class StraightLineFit {

    private static final MathContext MC = Precision.WORKING;

    /** A predicted value of the curve with its standard uncertainty and degrees of freedom. */
    public record Prediction(BigDecimal x, BigDecimal value, BigDecimal standardUncertainty,
            DegreesOfFreedom degreesOfFreedom) {

        /** The prediction as an input quantity of a further budget (e.g. the correction at a reading). */
        public InputQuantity asInputQuantity(String name, String unit) {
            return InputQuantity.standardUncertainty(name, unit, value, standardUncertainty, degreesOfFreedom,
                    EvaluationType.A, "least-squares straight line at x = " + x.toPlainString());
        }
    }

    private final int n;
    private final BigDecimal x0;
    private final BigDecimal intercept;
    private final BigDecimal slope;
    private final BigDecimal varianceIntercept;
    private final BigDecimal varianceSlope;
    private final BigDecimal covariance;
    private final BigDecimal residualStandardDeviation;
    private final BigDecimal chiSquared;
    private final DegreesOfFreedom degreesOfFreedom;

    private StraightLineFit(List<BigDecimal> x, List<BigDecimal> y, List<BigDecimal> uy, BigDecimal x0) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        this.x0 = Objects.requireNonNull(x0, "x0");
        this.n = x.size();
        if (y.size() != n || uy != null && uy.size() != n) {
            throw new IllegalArgumentException("A straight-line fit needs as many y values (and uncertainties) as x"
                    + " values: " + n + " x, " + y.size() + " y" + (uy == null ? "" : ", " + uy.size() + " u(y)"));
        }
        if (n < 3) {
            throw new IllegalArgumentException("A straight-line fit with uncertainties needs at least 3 points, got "
                    + n);
        }
        BigDecimal sw = BigDecimal.ZERO;
        BigDecimal sx = BigDecimal.ZERO;
        BigDecimal sxx = BigDecimal.ZERO;
        BigDecimal sy = BigDecimal.ZERO;
        BigDecimal sxy = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal w = weight(uy, i);
            BigDecimal dx = x.get(i).subtract(x0);
            sw = sw.add(w, MC);
            sx = sx.add(w.multiply(dx, MC), MC);
            sxx = sxx.add(w.multiply(dx, MC).multiply(dx, MC), MC);
            sy = sy.add(w.multiply(y.get(i), MC), MC);
            sxy = sxy.add(w.multiply(dx, MC).multiply(y.get(i), MC), MC);
        }
        BigDecimal det = sw.multiply(sxx, MC).subtract(sx.multiply(sx, MC), MC);
        if (det.signum() == 0) {
            throw new IllegalArgumentException("A straight line cannot be fitted: all x values are equal");
        }
        this.slope = Precision.tidy(sw.multiply(sxy, MC).subtract(sx.multiply(sy, MC), MC).divide(det, MC));
        this.intercept = Precision.tidy(sxx.multiply(sy, MC).subtract(sx.multiply(sxy, MC), MC).divide(det, MC));
        BigDecimal rss = BigDecimal.ZERO;
        BigDecimal chi2 = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal r = y.get(i).subtract(value(x.get(i)), MC);
            rss = rss.add(r.multiply(r, MC), MC);
            chi2 = chi2.add(r.multiply(r, MC).multiply(weight(uy, i), MC), MC);
        }
        BigDecimal nu = BigDecimal.valueOf(n - 2L);
        BigDecimal s2 = rss.divide(nu, MC);
        this.residualStandardDeviation = Precision.tidy(Precision.sqrt(s2));
        BigDecimal scale = uy == null ? s2 : BigDecimal.ONE;
        this.varianceIntercept = Precision.tidy(sxx.divide(det, MC).multiply(scale, MC));
        this.varianceSlope = Precision.tidy(sw.divide(det, MC).multiply(scale, MC));
        this.covariance = Precision.tidy(sx.negate().divide(det, MC).multiply(scale, MC));
        this.chiSquared = uy == null ? null : Precision.tidy(chi2);
        this.degreesOfFreedom = uy == null ? DegreesOfFreedom.of(n - 2L) : DegreesOfFreedom.infinite();
    }

    private static BigDecimal weight(List<BigDecimal> uy, int i) {
        if (uy == null) {
            return BigDecimal.ONE;
        }
        BigDecimal u = Objects.requireNonNull(uy.get(i), "u(y)");
        if (u.signum() <= 0) {
            throw new IllegalArgumentException("The standard uncertainty of y at point " + (i + 1)
                    + " must be positive to weight it, was " + u.toPlainString());
        }
        return BigDecimal.ONE.divide(u.multiply(u, MC), MC);
    }

    /** Unweighted fit; the uncertainty of the y_i is estimated from the residuals (GUM H.3). */
    public static StraightLineFit ordinary(List<BigDecimal> x, List<BigDecimal> y, BigDecimal x0) {
        return new StraightLineFit(x, y, null, x0);
    }

    /** Weighted fit with the stated standard uncertainties u(y_i). */
    public static StraightLineFit weighted(List<BigDecimal> x, List<BigDecimal> y, List<BigDecimal> uy,
            BigDecimal x0) {
        return new StraightLineFit(x, y, Objects.requireNonNull(uy, "uy"), x0);
    }

    /** a, the value of the curve at x₀ (y₁ of GUM H.3). */
    public BigDecimal intercept() {
        return intercept;
    }

    /** b, the slope (y₂ of GUM H.3). */
    public BigDecimal slope() {
        return slope;
    }

    public BigDecimal x0() {
        return x0;
    }

    public int points() {
        return n;
    }

    public BigDecimal interceptUncertainty() {
        return Precision.tidy(Precision.sqrt(varianceIntercept));
    }

    public BigDecimal slopeUncertainty() {
        return Precision.tidy(Precision.sqrt(varianceSlope));
    }

    /** u(a, b). */
    public BigDecimal covariance() {
        return covariance;
    }

    /** r(a, b) = u(a, b)/(u(a)·u(b)). */
    public BigDecimal correlation() {
        return Precision.tidy(covariance.divide(interceptUncertainty().multiply(slopeUncertainty(), MC), MC));
    }

    /** s = √(Σ r_i²/(n − 2)), in the unit of y, for either kind of fit. */
    public BigDecimal residualStandardDeviation() {
        return residualStandardDeviation;
    }

    /** Σ r_i²/u²(y_i) of a weighted fit; empty for an ordinary fit. */
    public java.util.Optional<BigDecimal> chiSquared() {
        return java.util.Optional.ofNullable(chiSquared);
    }

    /** ν of the coefficient uncertainties: n − 2 for an ordinary fit, ∞ for a weighted fit with stated u(y_i). */
    public DegreesOfFreedom degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /** a + b·(x − x₀). */
    public BigDecimal value(BigDecimal x) {
        return intercept.add(slope.multiply(x.subtract(x0), MC), MC);
    }

    /** The curve at x with u² = u²(a) + (x − x₀)²u²(b) + 2(x − x₀)u(a, b) (GUM H.3.4). */
    public Prediction predict(BigDecimal x) {
        BigDecimal dx = x.subtract(x0, MC);
        BigDecimal variance = varianceIntercept.add(dx.multiply(dx, MC).multiply(varianceSlope, MC), MC)
                .add(BigDecimal.valueOf(2).multiply(dx, MC).multiply(covariance, MC), MC);
        return new Prediction(x, Precision.tidy(value(x)), Precision.tidy(Precision.sqrt(variance.max(BigDecimal.ZERO))),
                degreesOfFreedom);
    }
}
