package org.jiliang.lims.metrology.uncertainty;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * Quantiles t_p(ν) of Student's t distribution: the value for which the interval −t_p(ν) to +t_p(ν) encompasses the
 * fraction p of the distribution (GUM G.3, Table G.2). Computed numerically, so any p and any ν, integer or not, are
 * possible; the table in GUM G.2 is reproduced by the tests.
 *
 * <p>The numerics run in binary floating point inside this class only (regularized incomplete beta and gamma
 * functions, bisection to full double precision); the result is returned to 10 significant digits, far more than a
 * coverage factor is ever printed with.
 */
public final class StudentTDistribution {

    private static final MathContext RESULT = new MathContext(10);

    private StudentTDistribution() {
    }

    /**
     * t_p(ν), two-sided.
     *
     * @param coverageProbability p, strictly between 0 and 1, e.g. 0.9545
     * @param nu                  degrees of freedom; ∞ gives the normal distribution's k_p
     */
    public static BigDecimal quantile(BigDecimal coverageProbability, DegreesOfFreedom nu) {
        Objects.requireNonNull(coverageProbability, "coverageProbability");
        Objects.requireNonNull(nu, "nu");
        if (coverageProbability.signum() <= 0 || coverageProbability.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("Coverage probability must lie strictly between 0 and 1, was "
                    + coverageProbability.toPlainString());
        }
        double p = coverageProbability.doubleValue();
        double t = nu.isInfinite() ? normalQuantile(p) : tQuantile(p, nu.value().doubleValue());
        return new BigDecimal(t).round(RESULT);
    }

    private static double tQuantile(double p, double nu) {
        double hi = 1;
        while (centralProbability(hi, nu) < p) {
            hi *= 2;
        }
        double lo = 0;
        for (int i = 0; i < 200 && hi - lo > Math.ulp(hi); i++) {
            double mid = (lo + hi) / 2;
            if (centralProbability(mid, nu) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** P(|T| ≤ t) = 1 − I_{ν/(ν+t²)}(ν/2, 1/2). */
    private static double centralProbability(double t, double nu) {
        return 1 - regularizedBeta(nu / (nu + t * t), nu / 2, 0.5);
    }

    private static double normalQuantile(double p) {
        double lo = 0;
        double hi = 1;
        while (erf(hi / Math.sqrt(2)) < p) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > Math.ulp(hi); i++) {
            double mid = (lo + hi) / 2;
            if (erf(mid / Math.sqrt(2)) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** erf(x) = P(1/2, x²), the regularized lower incomplete gamma function. */
    private static double erf(double x) {
        return regularizedGammaP(0.5, x * x);
    }

    private static double regularizedGammaP(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 10_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-17) {
                    break;
                }
            }
            return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
        }
        // continued fraction for Q(a, x) (modified Lentz)
        double b = x + 1 - a;
        double c = 1 / Double.MIN_NORMAL;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < Double.MIN_NORMAL) {
                d = Double.MIN_NORMAL;
            }
            c = b + an / c;
            if (Math.abs(c) < Double.MIN_NORMAL) {
                c = Double.MIN_NORMAL;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-17) {
                break;
            }
        }
        return 1 - Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** I_x(a, b), regularized incomplete beta function, by continued fraction. */
    private static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaContinuedFraction(x, a, b) / a;
        }
        return 1 - front * betaContinuedFraction(1 - x, b, a) / b;
    }

    private static double betaContinuedFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < Double.MIN_NORMAL) {
            d = Double.MIN_NORMAL;
        }
        d = 1 / d;
        double h = d;
        for (int m = 1; m < 10_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < Double.MIN_NORMAL) {
                d = Double.MIN_NORMAL;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < Double.MIN_NORMAL) {
                c = Double.MIN_NORMAL;
            }
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < Double.MIN_NORMAL) {
                d = Double.MIN_NORMAL;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < Double.MIN_NORMAL) {
                c = Double.MIN_NORMAL;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return h;
    }

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};

    /** ln Γ(x) for x &gt; 0 (Lanczos approximation, g = 7). */
    private static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
