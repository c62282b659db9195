package org.jiliang.lims.metrology.uncertainty;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The GUM evaluation of a {@link MeasurementModel}: the engine evaluates the model at the input estimates, computes
 * every sensitivity coefficient itself, and applies the law of propagation of uncertainty with correlated inputs
 * (GUM 5.1.2, 5.2.2). A model with several outputs also gets their covariance and correlation matrix (GUM F.1.2.3,
 * H.2.4). Each output ends in an ordinary {@link UncertaintyBudget}, so Welch–Satterthwaite, the coverage factor and
 * the reported result follow the same rules as a budget built by hand.
 *
 * <h2>Sensitivity coefficients: central differences with a step tied to u(x_i)</h2>
 * The model is any Java function of {@link BigDecimal} values, so automatic differentiation (which needs the model
 * written in a dual-number type) is not available; the engine differentiates numerically:
 * c_i ≈ [f(x + h_i e_i) − f(x − h_i e_i)] / 2h_i with h_i = s·u(x_i), s = 10⁻⁶ by default. Tying the step to u(x_i)
 * makes it the scale on which the GUM linearises the model anyway, whatever the unit of x_i.
 * <ul>
 * <li>Truncation error of the central difference: h_i²·|f'''|/6. Relative to the contribution |c_i|·u(x_i) that is
 * s²·(u³|f'''|/6)/(u|f'|) ≤ 10⁻¹² × (how far the model is from linear over ±u, which the GUM itself needs to be
 * small).</li>
 * <li>Rounding error: ε·|f|/h_i. For a model written in BigDecimal at 34 digits ε = 10⁻³⁴, negligible; for a model
 * that goes through {@code double} ε ≈ 10⁻¹⁶, giving a relative error near 10⁻¹⁰·|f|/(|c_i|·u(x_i)), e.g. 3·10⁻⁷ for
 * the resistance of GUM H.2.</li>
 * </ul>
 * The engine does not hide the error: it also evaluates the difference with step 2h_i; since the truncation error
 * quadruples and the rounding error halves, |D(2h) − D(h)| bounds the error of D(h) in both regimes and is
 * reported per coefficient ({@link #derivativeError}).
 *
 * <h2>Second-order terms</h2>
 * On request, for uncorrelated inputs, the terms of GUM 5.1.2 note are added to u_c²:
 * Σ_i Σ_j [½(∂²f/∂x_i∂x_j)² + ∂f/∂x_i·∂³f/∂x_i∂x_j²]·u²(x_i)·u²(x_j), with second and third differences at a larger
 * step (10⁻³·u(x_i)) since their rounding error grows as 1/h² and 1/h³. They enter the budget as one visible component
 * with ν = ∞. Covariances between outputs stay first order.
 */
public final class ModelEvaluation {

    /** Default relative step s of the first derivatives: h_i = s·u(x_i). */
    public static final BigDecimal DEFAULT_STEP = new BigDecimal("1E-6");

    /** Step of the second and third differences of the higher-order terms: h_i = 10⁻³·u(x_i). */
    static final BigDecimal HIGHER_ORDER_STEP = new BigDecimal("1E-3");

    /** Name of the budget component that carries the higher-order terms. */
    public static final String SECOND_ORDER_COMPONENT = "second-order terms";

    private static final MathContext MC = Precision.WORKING;

    private final MeasurementModel model;
    private final List<InputQuantity> inputs;
    private final List<UncertaintyBudget.Correlation> correlations;
    private final Map<String, Map<String, BigDecimal>> coefficients = new LinkedHashMap<>();
    private final Map<String, Map<String, BigDecimal>> derivativeErrors = new LinkedHashMap<>();
    private final Map<String, UncertaintyBudget> budgets = new LinkedHashMap<>();
    private final List<String> outputNames;
    private final BigDecimal[][] covariance;

    private ModelEvaluation(Builder b) {
        this.model = b.model;
        this.inputs = List.copyOf(b.inputs.values());
        this.correlations = List.copyOf(b.correlations);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("A model evaluation needs input quantities");
        }
        for (UncertaintyBudget.Correlation r : correlations) {
            for (String name : List.of(r.first(), r.second())) {
                if (!b.inputs.containsKey(name)) {
                    throw new IllegalArgumentException("Correlation r(" + r.first() + ", " + r.second() + ") names "
                            + name + ", which is not an input quantity of the model");
                }
            }
        }
        boolean correlated = correlations.stream().anyMatch(r -> r.coefficient().signum() != 0);
        if (b.secondOrder && correlated) {
            throw new IllegalArgumentException("The second-order terms of GUM 5.1.2 note hold for uncorrelated input"
                    + " quantities only, and correlations are declared");
        }
        Map<String, BigDecimal> x = estimates();
        Map<String, BigDecimal> y = model.evaluate(x);
        this.outputNames = List.copyOf(y.keySet());
        for (String out : outputNames) {
            coefficients.put(out, new LinkedHashMap<>());
            derivativeErrors.put(out, new LinkedHashMap<>());
        }
        for (InputQuantity q : inputs) {
            BigDecimal h = step(q, b.step);
            Map<String, BigDecimal> d1 = centralDifference(x, q.name(), h);
            Map<String, BigDecimal> d2 = centralDifference(x, q.name(), h.add(h));
            for (String out : outputNames) {
                coefficients.get(out).put(q.name(), Precision.tidy(d1.get(out)));
                derivativeErrors.get(out).put(q.name(), Precision.tidy(d2.get(out).subtract(d1.get(out)).abs()));
            }
        }
        for (MeasurementModel.Output o : model.outputs()) {
            UncertaintyBudget.Builder budget = UncertaintyBudget.builder(o.name(), o.unit()).estimate(y.get(o.name()))
                    .coverage(b.coverage).rounding(b.rounding).basis(b.basis);
            for (InputQuantity q : inputs) {
                budget.add(q, coefficients.get(o.name()).get(q.name()));
            }
            for (UncertaintyBudget.Correlation r : correlations) {
                budget.correlate(r.first(), r.second(), r.coefficient());
            }
            if (b.secondOrder) {
                budget.add(secondOrderTerms(o.name(), x, y.get(o.name())));
            }
            budgets.put(o.name(), budget.build());
        }
        this.covariance = computeCovariance();
    }

    /** Starts the evaluation of a model; add every input quantity the model reads. */
    public static Builder of(MeasurementModel model) {
        return new Builder(model);
    }

    private Map<String, BigDecimal> estimates() {
        Map<String, BigDecimal> x = new LinkedHashMap<>();
        for (InputQuantity q : inputs) {
            x.put(q.name(), q.estimate());
        }
        return x;
    }

    /** h_i = s·u(x_i); an exactly known input (u = 0) gets s·max(|x_i|, 1) so its coefficient can still be shown. */
    private static BigDecimal step(InputQuantity q, BigDecimal relative) {
        BigDecimal scale = q.standardUncertainty().signum() > 0 ? q.standardUncertainty()
                : q.estimate().abs().max(BigDecimal.ONE);
        return relative.multiply(scale, MC);
    }

    private Map<String, BigDecimal> centralDifference(Map<String, BigDecimal> x, String input, BigDecimal h) {
        Map<String, BigDecimal> up = model.evaluate(shifted(x, input, h));
        Map<String, BigDecimal> down = model.evaluate(shifted(x, input, h.negate()));
        BigDecimal twoH = h.add(h);
        Map<String, BigDecimal> d = new LinkedHashMap<>();
        for (String out : outputNames) {
            d.put(out, up.get(out).subtract(down.get(out), MC).divide(twoH, MC));
        }
        return d;
    }

    private static Map<String, BigDecimal> shifted(Map<String, BigDecimal> x, String input, BigDecimal h) {
        Map<String, BigDecimal> moved = new LinkedHashMap<>(x);
        moved.put(input, x.get(input).add(h, MC));
        return moved;
    }

    private BigDecimal f(String out, Map<String, BigDecimal> x, String i, BigDecimal hi, String j, BigDecimal hj) {
        Map<String, BigDecimal> moved = shifted(x, i, hi);
        if (j != null) {
            moved = shifted(moved, j, hj);
        }
        return model.evaluate(moved).get(out);
    }

    /** Σ_i Σ_j [½ f_ij² + f_i f_ijj] u_i² u_j² (GUM 5.1.2 note), as one component with c = 1. */
    private InputQuantity secondOrderTerms(String out, Map<String, BigDecimal> x, BigDecimal y) {
        List<InputQuantity> uncertain = inputs.stream().filter(q -> q.standardUncertainty().signum() > 0).toList();
        BigDecimal two = BigDecimal.valueOf(2);
        BigDecimal variance = BigDecimal.ZERO;
        for (InputQuantity qi : uncertain) {
            String i = qi.name();
            BigDecimal hi = step(qi, HIGHER_ORDER_STEP);
            BigDecimal fi = coefficients.get(out).get(i);
            for (InputQuantity qj : uncertain) {
                String j = qj.name();
                BigDecimal hj = step(qj, HIGHER_ORDER_STEP);
                BigDecimal fij;
                BigDecimal fijj;
                if (i.equals(j)) {
                    BigDecimal plus = f(out, x, i, hi, null, null);
                    BigDecimal minus = f(out, x, i, hi.negate(), null, null);
                    fij = plus.subtract(two.multiply(y), MC).add(minus, MC).divide(hi.pow(2, MC), MC);
                    BigDecimal plus2 = f(out, x, i, two.multiply(hi), null, null);
                    BigDecimal minus2 = f(out, x, i, two.multiply(hi).negate(), null, null);
                    fijj = plus2.subtract(two.multiply(plus), MC).add(two.multiply(minus), MC).subtract(minus2, MC)
                            .divide(two.multiply(hi.pow(3, MC)), MC);
                } else {
                    fij = f(out, x, i, hi, j, hj).subtract(f(out, x, i, hi, j, hj.negate()), MC)
                            .subtract(f(out, x, i, hi.negate(), j, hj), MC)
                            .add(f(out, x, i, hi.negate(), j, hj.negate()), MC)
                            .divide(BigDecimal.valueOf(4).multiply(hi).multiply(hj), MC);
                    BigDecimal fjjUp = secondDifference(out, x, i, hi, j, hj);
                    BigDecimal fjjDown = secondDifference(out, x, i, hi.negate(), j, hj);
                    fijj = fjjUp.subtract(fjjDown, MC).divide(two.multiply(hi), MC);
                }
                BigDecimal term = fij.pow(2, MC).divide(two, MC).add(fi.multiply(fijj, MC), MC);
                variance = variance.add(term.multiply(qi.standardUncertainty().pow(2), MC)
                        .multiply(qj.standardUncertainty().pow(2), MC), MC);
            }
        }
        if (variance.signum() < 0) {
            throw new IllegalStateException("The second-order terms of " + out + " sum to a negative variance ("
                    + variance.round(new MathContext(3)) + "): the model is too far from linear for GUM 5.1.2;"
                    + " use Monte Carlo (JCGM 101)");
        }
        String unit = model.outputs().stream().filter(o -> o.name().equals(out)).findFirst().orElseThrow().unit();
        return new InputQuantity(SECOND_ORDER_COMPONENT, unit, BigDecimal.ZERO, Precision.tidy(Precision.sqrt(variance)),
                DegreesOfFreedom.infinite(), new Evaluation(EvaluationType.COMBINED, "normal",
                        "second-order terms of the Taylor series, GUM 5.1.2 note, uncorrelated inputs"));
    }

    /** ∂²f/∂x_j² at x shifted by d along x_i. */
    private BigDecimal secondDifference(String out, Map<String, BigDecimal> x, String i, BigDecimal d, String j,
            BigDecimal hj) {
        BigDecimal centre = f(out, x, i, d, null, null);
        return f(out, x, i, d, j, hj).subtract(BigDecimal.valueOf(2).multiply(centre), MC)
                .add(f(out, x, i, d, j, hj.negate()), MC).divide(hj.pow(2, MC), MC);
    }

    /** u(y_k, y_l) = Σ_i Σ_j c_ki c_lj u(x_i) u(x_j) r(x_i, x_j); the diagonal is u_c² of each budget. */
    private BigDecimal[][] computeCovariance() {
        int m = outputNames.size();
        BigDecimal[][] v = new BigDecimal[m][m];
        for (int k = 0; k < m; k++) {
            v[k][k] = Precision.tidy(budgets.get(outputNames.get(k)).combinedStandardUncertainty().pow(2, MC));
            for (int l = k + 1; l < m; l++) {
                BigDecimal sum = BigDecimal.ZERO;
                for (InputQuantity qi : inputs) {
                    for (InputQuantity qj : inputs) {
                        BigDecimal r = qi.name().equals(qj.name()) ? BigDecimal.ONE : correlation(qi, qj);
                        if (r.signum() == 0) {
                            continue;
                        }
                        sum = sum.add(coefficients.get(outputNames.get(k)).get(qi.name())
                                .multiply(coefficients.get(outputNames.get(l)).get(qj.name()), MC)
                                .multiply(qi.standardUncertainty(), MC).multiply(qj.standardUncertainty(), MC)
                                .multiply(r, MC), MC);
                    }
                }
                v[k][l] = Precision.tidy(sum);
                v[l][k] = v[k][l];
            }
        }
        return v;
    }

    private BigDecimal correlation(InputQuantity a, InputQuantity b) {
        return correlations.stream().filter(r -> r.links(a.name(), b.name()))
                .map(UncertaintyBudget.Correlation::coefficient).findFirst().orElse(BigDecimal.ZERO);
    }

    /** The output quantities in the order the model declares them. */
    public List<String> outputs() {
        return outputNames;
    }

    /** The evaluated budget of one output: estimate, components with the engine's coefficients, u_c, ν_eff, k, U. */
    public UncertaintyBudget budget(String output) {
        UncertaintyBudget b = budgets.get(output);
        if (b == null) {
            throw new IllegalArgumentException("The model has no output " + output + "; outputs are " + outputNames);
        }
        return b;
    }

    /** c = ∂f_output/∂x_input at the estimates, computed by central differences. */
    public BigDecimal sensitivityCoefficient(String output, String input) {
        budget(output);
        BigDecimal c = coefficients.get(output).get(input);
        if (c == null) {
            throw new IllegalArgumentException("The model has no input " + input);
        }
        return c;
    }

    /** |D(2h) − D(h)|, an upper estimate of the error of {@link #sensitivityCoefficient} (see the class comment). */
    public BigDecimal derivativeError(String output, String input) {
        sensitivityCoefficient(output, input);
        return derivativeErrors.get(output).get(input);
    }

    /** u(y_a, y_b); u_c²(y_a) when a = b. */
    public BigDecimal covariance(String a, String b) {
        return covariance[index(a)][index(b)];
    }

    /** r(y_a, y_b) = u(y_a, y_b) / (u(y_a) u(y_b)) (GUM F.1.2.3); zero when either u is zero, 1 on the diagonal. */
    public BigDecimal correlation(String a, String b) {
        if (a.equals(b)) {
            index(a);
            return BigDecimal.ONE;
        }
        BigDecimal ua = budget(a).combinedStandardUncertainty();
        BigDecimal ub = budget(b).combinedStandardUncertainty();
        if (ua.signum() == 0 || ub.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return Precision.tidy(covariance(a, b).divide(ua.multiply(ub, MC), MC));
    }

    /** The covariance matrix of the outputs, rows and columns in the order of {@link #outputs()}. */
    public List<List<BigDecimal>> covarianceMatrix() {
        return matrix(this::covariance);
    }

    /** The correlation matrix of the outputs, rows and columns in the order of {@link #outputs()}. */
    public List<List<BigDecimal>> correlationMatrix() {
        return matrix(this::correlation);
    }

    private List<List<BigDecimal>> matrix(java.util.function.BiFunction<String, String, BigDecimal> entry) {
        return outputNames.stream().map(a -> outputNames.stream().map(b -> entry.apply(a, b)).toList()).toList();
    }

    private int index(String output) {
        int i = outputNames.indexOf(output);
        if (i < 0) {
            throw new IllegalArgumentException("The model has no output " + output + "; outputs are " + outputNames);
        }
        return i;
    }

    /** Collects the input quantities, their correlations and the evaluation options. */
    public static final class Builder {

        private final MeasurementModel model;
        private final Map<String, InputQuantity> inputs = new LinkedHashMap<>();
        private final List<UncertaintyBudget.Correlation> correlations = new ArrayList<>();
        private Coverage coverage = Coverage.studentT95();
        private UncertaintyRounding rounding = UncertaintyRounding.HALF_UP;
        private ExpandedUncertaintyBasis basis = ExpandedUncertaintyBasis.UNROUNDED_COMBINED;
        private BigDecimal step = DEFAULT_STEP;
        private boolean secondOrder;

        private Builder(MeasurementModel model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        public Builder input(InputQuantity quantity) {
            Objects.requireNonNull(quantity, "quantity");
            if (inputs.putIfAbsent(quantity.name(), quantity) != null) {
                throw new IllegalArgumentException("The model already has an input " + quantity.name());
            }
            return this;
        }

        /** r(x_a, x_b) between two input quantities (GUM 5.2.2). */
        public Builder correlate(String a, String b, BigDecimal coefficient) {
            UncertaintyBudget.Correlation r = new UncertaintyBudget.Correlation(a, b, coefficient);
            if (correlations.stream().anyMatch(c -> c.links(a, b))) {
                throw new IllegalArgumentException("r(" + a + ", " + b + ") is already declared");
            }
            correlations.add(r);
            return this;
        }

        /**
         * A correlation matrix over the named inputs: symmetric, ones on the diagonal, entries between −1 and 1.
         */
        public Builder correlationMatrix(List<String> names, List<List<BigDecimal>> r) {
            int n = names.size();
            if (r.size() != n || r.stream().anyMatch(row -> row.size() != n)) {
                throw new IllegalArgumentException("A correlation matrix over " + n + " inputs needs " + n + " × " + n
                        + " entries");
            }
            for (int i = 0; i < n; i++) {
                if (r.get(i).get(i).compareTo(BigDecimal.ONE) != 0) {
                    throw new IllegalArgumentException("r(" + names.get(i) + ", " + names.get(i) + ") must be 1");
                }
                for (int j = i + 1; j < n; j++) {
                    if (r.get(i).get(j).compareTo(r.get(j).get(i)) != 0) {
                        throw new IllegalArgumentException("The correlation matrix is not symmetric at "
                                + names.get(i) + ", " + names.get(j));
                    }
                    if (r.get(i).get(j).signum() != 0) {
                        correlate(names.get(i), names.get(j), r.get(i).get(j));
                    }
                }
            }
            return this;
        }

        public Builder coverage(Coverage coverage) {
            this.coverage = Objects.requireNonNull(coverage, "coverage");
            return this;
        }

        public Builder rounding(UncertaintyRounding rounding) {
            this.rounding = Objects.requireNonNull(rounding, "rounding");
            return this;
        }

        /** What U is computed from (see {@link ExpandedUncertaintyBasis}). */
        public Builder basis(ExpandedUncertaintyBasis basis) {
            this.basis = Objects.requireNonNull(basis, "basis");
            return this;
        }

        /** The relative step s of the first derivatives, h_i = s·u(x_i); 10⁻⁶ unless a model needs another. */
        public Builder step(BigDecimal relativeStep) {
            Objects.requireNonNull(relativeStep, "relativeStep");
            if (relativeStep.signum() <= 0 || relativeStep.compareTo(new BigDecimal("0.01")) > 0) {
                throw new IllegalArgumentException("The relative step must lie in (0, 0.01], was "
                        + relativeStep.toPlainString());
            }
            this.step = relativeStep;
            return this;
        }

        /** Adds the second-order terms of GUM 5.1.2 note to u_c² (uncorrelated inputs only). */
        public Builder secondOrder() {
            this.secondOrder = true;
            return this;
        }

        public ModelEvaluation evaluate() {
            return new ModelEvaluation(this);
        }
    }
}
