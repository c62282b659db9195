package org.jiliang.lims.metrology.uncertainty;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Propagation of distributions by the Monte Carlo method (JCGM 101:2008, JJF 1059.2-2012) for one output of a
 * {@link MeasurementModel}: seeded and reproducible, a fixed or an adaptive number of trials (JCGM 101 7.9),
 * probabilistically symmetric and shortest coverage intervals (7.7, 7.8), and the validation of the GUM result
 * against Monte Carlo (clause 8).
 *
 * <p>Sampling runs in {@code double} (inside this class only): the pseudo-random numbers come from
 * {@link SplittableRandom} (SplitMix64, a specified algorithm, so a seed gives the same draws on any JVM), normal
 * deviates from the Box–Muller transform (JCGM 101 C.4.2). Each draw is handed to the model as an exact
 * {@link BigDecimal}, and the model value is stored as a double deviation from the model value at the estimates,
 * so no digit of a large value (10 000.025 g) is lost. The results are converted to BigDecimal and rounded to
 * {@value #RESULT_DIGITS} significant digits, several orders finer than the Monte Carlo noise, which is itself
 * reported (the standard deviations of the batch results, 7.9.4) so that a reader knows how many digits mean
 * something.
 *
 * <p>Distributions assigned to the inputs (JCGM 101 6.4): from the {@link Evaluation#distribution()} of an
 * {@link InputQuantity} with the same expectation and standard deviation: "rectangular" R(x − √3u, x + √3u),
 * "triangular" symmetric with half-width √6u, "U-shaped" arcsine with half-width √2u, anything else Gaussian
 * N(x, u²). Not done: the scaled and shifted t distribution of 6.4.9 for a Type A input with few readings (it is
 * sampled as Gaussian), and correlated inputs (6.4.8, multivariate Gaussian).
 */
public final class MonteCarlo {

    static final int RESULT_DIGITS = 10;
    private static final MathContext RESULT = new MathContext(RESULT_DIGITS, RoundingMode.HALF_EVEN);

    /** Batch size of the adaptive procedure, max(J, 10⁴) with J = ⌈100/(1 − p)⌉ (JCGM 101 7.9.4 b). */
    static int batchSize(BigDecimal p) {
        int j = BigDecimal.valueOf(100).divide(BigDecimal.ONE.subtract(p), 0, RoundingMode.CEILING).intValueExact();
        return Math.max(j, 10_000);
    }

    /** A distribution assigned to an input quantity. */
    public sealed interface Distribution {

        double sample(SplittableRandom random);

        /** JCGM 101 6.4.7: N(μ, σ²). */
        record Gaussian(double mean, double standardDeviation) implements Distribution {
            @Override
            public double sample(SplittableRandom random) {
                // Box–Muller, one of the pair (JCGM 101 C.4.2); 1 − U avoids log(0)
                double u1 = 1.0 - random.nextDouble();
                double u2 = random.nextDouble();
                return mean + standardDeviation * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            }
        }

        /** JCGM 101 6.4.2: R(a, b). */
        record Rectangular(double lower, double upper) implements Distribution {
            @Override
            public double sample(SplittableRandom random) {
                return lower + (upper - lower) * random.nextDouble();
            }
        }

        /** JCGM 101 6.4.4, symmetric: T(a, b) as the mean of two rectangular deviates. */
        record Triangular(double lower, double upper) implements Distribution {
            @Override
            public double sample(SplittableRandom random) {
                return lower + (upper - lower) * (random.nextDouble() + random.nextDouble()) / 2;
            }
        }

        /** JCGM 101 6.4.6: arcsine U(a, b), (a + b)/2 + (b − a)/2·sin 2πr. */
        record Arcsine(double lower, double upper) implements Distribution {
            @Override
            public double sample(SplittableRandom random) {
                return (lower + upper) / 2 + (upper - lower) / 2 * Math.sin(2 * Math.PI * random.nextDouble());
            }
        }

        /** The distribution with the expectation x and standard deviation u of an input quantity (see class). */
        static Distribution of(InputQuantity q) {
            double x = q.estimate().doubleValue();
            double u = q.standardUncertainty().doubleValue();
            return switch (q.evaluation().distribution()) {
                case "rectangular" -> new Rectangular(x - Math.sqrt(3) * u, x + Math.sqrt(3) * u);
                case "triangular" -> new Triangular(x - Math.sqrt(6) * u, x + Math.sqrt(6) * u);
                case "U-shaped" -> new Arcsine(x - Math.sqrt(2) * u, x + Math.sqrt(2) * u);
                default -> new Gaussian(x, u);
            };
        }
    }

    /** A coverage interval [low, high]. */
    public record Interval(BigDecimal low, BigDecimal high) {
        public BigDecimal length() {
            return high.subtract(low);
        }
    }

    /**
     * The Monte Carlo results.
     *
     * @param trials               M, the number of trials behind the results
     * @param estimate             y, the mean of the model values (7.6)
     * @param standardUncertainty  u(y), their standard deviation (7.6)
     * @param symmetric            the probabilistically symmetric interval (7.7)
     * @param shortest             the shortest interval (7.8)
     * @param batchStandardDeviations s_y, s_u(y), s_ylow, s_yhigh of 7.9.4 f (standard deviations of the averages
     *                             over the batches), for the symmetric interval; how far the digits above can be
     *                             trusted
     * @param stabilised           whether the adaptive procedure reached 2s ≤ δ for all four (false for a fixed M or
     *                             when the trial limit was hit)
     */
    public record Result(int trials, BigDecimal coverageProbability, BigDecimal estimate,
            BigDecimal standardUncertainty, Interval symmetric, Interval shortest, List<BigDecimal> batchStandardDeviations,
            boolean stabilised) {

        /** δ = ½·10^l for u(y) = c·10^l with c an ndig-digit integer (JCGM 101 7.9.2). */
        public BigDecimal numericalTolerance(int significantDigits) {
            return MonteCarlo.numericalTolerance(standardUncertainty, significantDigits);
        }
    }

    /**
     * The comparison of JCGM 101 8.2: d_low = |y − U_p − y_low|, d_high = |y + U_p − y_high| against δ from u(y) of
     * the GUM with ndig significant digits; the GUM result is validated when both are at most δ.
     */
    public record Validation(BigDecimal dLow, BigDecimal dHigh, BigDecimal tolerance, boolean validated) {
    }

    private final MeasurementModel model;
    private final String output;
    private final List<InputQuantity> inputs;
    private final BigDecimal coverageProbability;

    private MonteCarlo(MeasurementModel model, String output, List<InputQuantity> inputs,
            BigDecimal coverageProbability) {
        this.model = Objects.requireNonNull(model, "model");
        this.output = Objects.requireNonNull(output, "output");
        if (model.outputs().stream().noneMatch(o -> o.name().equals(output))) {
            throw new IllegalArgumentException("The model has no output " + output);
        }
        this.inputs = List.copyOf(inputs);
        if (this.inputs.isEmpty()) {
            throw new IllegalArgumentException("Monte Carlo needs input quantities");
        }
        this.coverageProbability = Objects.requireNonNull(coverageProbability, "coverageProbability");
        if (coverageProbability.signum() <= 0 || coverageProbability.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("Coverage probability must lie strictly between 0 and 1, was "
                    + coverageProbability.toPlainString());
        }
    }

    /** Monte Carlo for one output of a model with independent inputs and coverage probability p. */
    public static MonteCarlo of(MeasurementModel model, String output, List<InputQuantity> inputs,
            BigDecimal coverageProbability) {
        return new MonteCarlo(model, output, inputs, coverageProbability);
    }

    /** A fixed number of trials M (run in batches of {@link #batchSize} so the noise can be reported). */
    public Result run(long seed, int trials) {
        int batch = Math.min(batchSize(coverageProbability), trials);
        return simulate(seed, batch, (trials + batch - 1) / batch, 0, trials);
    }

    /**
     * The adaptive procedure of JCGM 101 7.9.4: batches of M = max(J, 10⁴) until twice the standard deviation of
     * each of y, u(y), y_low, y_high over the batches is at most δ for ndig significant digits of u(y).
     *
     * @param maxTrials a limit; reaching it returns a result with {@code stabilised = false}
     */
    public Result runAdaptive(long seed, int significantDigits, int maxTrials) {
        if (significantDigits < 1 || significantDigits > 4) {
            throw new IllegalArgumentException("ndig must lie between 1 and 4, was " + significantDigits);
        }
        int batch = batchSize(coverageProbability);
        return simulate(seed, batch, Math.max(2, maxTrials / batch), significantDigits, maxTrials);
    }

    private Result simulate(long seed, int batch, int maxBatches, int ndig, int limit) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Distribution> distributions = inputs.stream().map(Distribution::of).toList();
        Map<String, BigDecimal> x = new LinkedHashMap<>();
        for (InputQuantity q : inputs) {
            x.put(q.name(), q.estimate());
        }
        BigDecimal reference = model.evaluate(x).get(output);
        double[] all = new double[Math.min(limit, batch * maxBatches)];
        int m = 0;
        int h = 0;
        double[][] batchResults = new double[4][maxBatches];
        boolean stable = false;
        while (h < maxBatches && m < all.length) {
            int size = Math.min(batch, all.length - m);
            for (int t = 0; t < size; t++) {
                for (int i = 0; i < inputs.size(); i++) {
                    x.put(inputs.get(i).name(), new BigDecimal(distributions.get(i).sample(random)));
                }
                all[m + t] = model.evaluate(x).get(output).subtract(reference, Precision.WORKING).doubleValue();
            }
            double[] b = Arrays.copyOfRange(all, m, m + size);
            Arrays.sort(b);
            double[] meanSd = meanAndStandardDeviation(b);
            double[] sym = symmetric(b);
            batchResults[0][h] = meanSd[0];
            batchResults[1][h] = meanSd[1];
            batchResults[2][h] = sym[0];
            batchResults[3][h] = sym[1];
            m += size;
            h++;
            if (ndig > 0 && h >= 2) {
                double[] sorted = Arrays.copyOf(all, m);
                BigDecimal u = result(meanAndStandardDeviation(sorted)[1]);
                double delta = numericalTolerance(u, ndig).doubleValue();
                stable = true;
                for (double[] r : batchResults) {
                    stable &= 2 * standardDeviationOfMean(r, h) <= delta;
                }
                if (stable) {
                    break;
                }
            }
        }
        double[] y = Arrays.copyOf(all, m);
        Arrays.sort(y);
        double[] meanSd = meanAndStandardDeviation(y);
        double[] sym = symmetric(y);
        double[] shortest = shortest(y);
        int batches = h;
        List<BigDecimal> noise = batches >= 2
                ? Arrays.stream(batchResults).map(r -> result(standardDeviationOfMean(r, batches))).toList()
                : List.of();
        return new Result(m, coverageProbability, shift(reference, meanSd[0]), result(meanSd[1]),
                new Interval(shift(reference, sym[0]), shift(reference, sym[1])),
                new Interval(shift(reference, shortest[0]), shift(reference, shortest[1])), noise, stable);
    }

    private static BigDecimal result(double value) {
        return new BigDecimal(value).round(RESULT);
    }

    private static BigDecimal shift(BigDecimal reference, double deviation) {
        return Precision.tidy(reference.add(new BigDecimal(deviation).round(RESULT)));
    }

    /** Two-pass mean and standard deviation (divisor M − 1, JCGM 101 7.6). */
    private static double[] meanAndStandardDeviation(double[] y) {
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        double mean = sum / y.length;
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(ss / (y.length - 1))};
    }

    /** s = √(Σ (r_k − r̄)² / (h(h − 1))) over h batch results (JCGM 101 7.9.4 f). */
    private static double standardDeviationOfMean(double[] r, int h) {
        double mean = 0;
        for (int k = 0; k < h; k++) {
            mean += r[k];
        }
        mean /= h;
        double ss = 0;
        for (int k = 0; k < h; k++) {
            ss += (r[k] - mean) * (r[k] - mean);
        }
        return Math.sqrt(ss / ((double) h * (h - 1)));
    }

    /**
     * [y_(r), y_(r+q)] with q = pM rounded to an integer and r = (M − q)/2, or (M − q + 1)/2 when M − q is odd
     * (JCGM 101 7.7; sorted y, 1-based).
     */
    private double[] symmetric(double[] sorted) {
        int q = q(sorted.length);
        int rest = sorted.length - q;
        int r = Math.max(1, rest % 2 == 0 ? rest / 2 : (rest + 1) / 2);
        return new double[] {sorted[r - 1], sorted[Math.min(r + q, sorted.length) - 1]};
    }

    /** The shortest [y_(r), y_(r+q)] over r = 1 … M − q (JCGM 101 7.8). */
    private double[] shortest(double[] sorted) {
        int q = q(sorted.length);
        int best = 0;
        for (int r = 0; r + q < sorted.length; r++) {
            if (sorted[r + q] - sorted[r] < sorted[best + q] - sorted[best]) {
                best = r;
            }
        }
        return new double[] {sorted[best], sorted[Math.min(best + q, sorted.length - 1)]};
    }

    private int q(int m) {
        return coverageProbability.multiply(BigDecimal.valueOf(m)).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    static BigDecimal numericalTolerance(BigDecimal u, int significantDigits) {
        if (u.signum() <= 0) {
            throw new IllegalArgumentException("δ needs a positive u(y)");
        }
        BigDecimal rounded = u.round(new MathContext(significantDigits, RoundingMode.HALF_UP)).stripTrailingZeros();
        int magnitude = rounded.precision() - rounded.scale() - 1;
        int l = magnitude - (significantDigits - 1);
        return BigDecimal.valueOf(5).scaleByPowerOfTen(l - 1);
    }

    /**
     * JCGM 101 8.2: the GUM interval y ± U_p of a budget (its coverage factor must be the one for the same p)
     * against the probabilistically symmetric Monte Carlo interval, with δ from u_c(y) to ndig significant digits.
     */
    public static Validation validate(UncertaintyBudget gum, Result monteCarlo, int significantDigits) {
        BigDecimal y = gum.estimate();
        BigDecimal up = gum.expandedUncertainty();
        BigDecimal dLow = y.subtract(up).subtract(monteCarlo.symmetric().low()).abs();
        BigDecimal dHigh = y.add(up).subtract(monteCarlo.symmetric().high()).abs();
        BigDecimal delta = numericalTolerance(gum.combinedStandardUncertainty(), significantDigits);
        return new Validation(Precision.tidy(dLow), Precision.tidy(dHigh), delta,
                dLow.compareTo(delta) <= 0 && dHigh.compareTo(delta) <= 0);
    }
}
