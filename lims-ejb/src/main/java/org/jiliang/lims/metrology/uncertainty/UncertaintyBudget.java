package org.jiliang.lims.metrology.uncertainty;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An evaluated uncertainty budget for one measurand: the components, the correlations between input quantities,
 * the combined standard uncertainty, the effective degrees of freedom, the coverage factor, the expanded uncertainty
 * and the rounded result. Immutable; build one with {@link #builder}.
 *
 * <p>The model itself is the caller's: the caller evaluates y = f(x_1, …, x_N) and the sensitivity coefficients
 * c_i = ∂f/∂x_i at the estimates and hands them in; the budget applies the law of propagation of uncertainty (GUM
 * 5.1.2 and 5.2.2), Welch–Satterthwaite (GUM G.4.1), the coverage rule and the reporting rule.
 */
public final class UncertaintyBudget {

    /**
     * One line of the budget.
     *
     * @param sensitivityCoefficient c_i = ∂f/∂x_i
     * @param contribution           u_i(y) = |c_i|·u(x_i), in the unit of the measurand (GUM 5.1.3)
     */
    public record Component(InputQuantity quantity, BigDecimal sensitivityCoefficient, BigDecimal contribution) {

        public Component {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(sensitivityCoefficient, "sensitivityCoefficient");
            Objects.requireNonNull(contribution, "contribution");
        }

        public String name() {
            return quantity.name();
        }

        /** c_i·u(x_i) with its sign, as it enters the correlation terms. */
        BigDecimal signedContribution() {
            return sensitivityCoefficient.multiply(quantity.standardUncertainty(), Precision.WORKING);
        }
    }

    /** r(x_i, x_j), a correlation coefficient between two input estimates (GUM 5.2.2). */
    public record Correlation(String first, String second, BigDecimal coefficient) {

        public Correlation {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
            Objects.requireNonNull(coefficient, "coefficient");
            if (first.equals(second)) {
                throw new IllegalArgumentException("A correlation needs two different input quantities, got "
                        + first + " twice");
            }
            if (coefficient.abs().compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("Correlation coefficient r(" + first + ", " + second
                        + ") must lie between −1 and 1, was " + coefficient.toPlainString());
            }
        }

        boolean links(String a, String b) {
            return first.equals(a) && second.equals(b) || first.equals(b) && second.equals(a);
        }
    }

    private final String measurand;
    private final String unit;
    private final BigDecimal estimate;
    private final List<Component> components;
    private final List<Correlation> correlations;
    private final Coverage coverage;
    private final UncertaintyRounding rounding;
    private final ExpandedUncertaintyBasis basis;
    private final BigDecimal combinedStandardUncertainty;
    private final DegreesOfFreedom effectiveDegreesOfFreedom;
    private final BigDecimal coverageFactor;
    private final BigDecimal expandedUncertainty;

    private UncertaintyBudget(Builder b) {
        this.measurand = b.measurand;
        this.unit = b.unit;
        this.estimate = Objects.requireNonNull(b.estimate, "The output estimate y of " + b.measurand + " is missing");
        if (b.components.isEmpty()) {
            throw new IllegalArgumentException("An uncertainty budget for " + b.measurand + " needs components");
        }
        this.components = List.copyOf(b.components.values());
        this.correlations = List.copyOf(b.correlations);
        for (Correlation r : correlations) {
            for (String name : List.of(r.first(), r.second())) {
                if (!b.components.containsKey(name)) {
                    throw new IllegalArgumentException("Correlation r(" + r.first() + ", " + r.second()
                            + ") names " + name + ", which is not a component of the budget");
                }
            }
        }
        this.coverage = b.coverage;
        this.rounding = b.rounding;
        this.basis = b.basis;
        this.combinedStandardUncertainty = combine(components, correlations);
        this.effectiveDegreesOfFreedom = welchSatterthwaite(components, correlations, combinedStandardUncertainty);
        this.coverageFactor = coverage.coverageFactor(effectiveDegreesOfFreedom);
        BigDecimal uc = basis == ExpandedUncertaintyBasis.COMBINED_ROUNDED_TO_TWO_DIGITS
                ? combinedStandardUncertainty.round(new MathContext(2, rounding.mode()))
                : combinedStandardUncertainty;
        this.expandedUncertainty = Precision.tidy(coverageFactor.multiply(uc));
    }

    /**
     * A builder for the budget of one measurand.
     *
     * @param measurand name of the output quantity, e.g. "m_X"
     * @param unit      unit of y, u_c and U
     */
    public static Builder builder(String measurand, String unit) {
        return new Builder(measurand, unit);
    }

    /** u_c²(y) = Σ c_i² u²(x_i) + 2 Σ_{i<j} c_i c_j u(x_i) u(x_j) r(x_i, x_j) (GUM equations 10 and 16). */
    private static BigDecimal combine(List<Component> components, List<Correlation> correlations) {
        BigDecimal variance = BigDecimal.ZERO;
        for (Component c : components) {
            variance = variance.add(c.contribution().pow(2), Precision.WORKING);
        }
        for (int i = 0; i < components.size(); i++) {
            for (int j = i + 1; j < components.size(); j++) {
                BigDecimal r = coefficient(correlations, components.get(i).name(), components.get(j).name());
                if (r.signum() != 0) {
                    variance = variance.add(BigDecimal.valueOf(2).multiply(components.get(i).signedContribution())
                            .multiply(components.get(j).signedContribution()).multiply(r), Precision.WORKING);
                }
            }
        }
        if (variance.signum() < 0) {
            throw new IllegalArgumentException("The correlation coefficients are inconsistent: u_c² = "
                    + variance.round(new MathContext(3)) + " is negative");
        }
        return Precision.tidy(Precision.sqrt(variance));
    }

    private static BigDecimal coefficient(List<Correlation> correlations, String a, String b) {
        return correlations.stream().filter(r -> r.links(a, b)).map(Correlation::coefficient).findFirst()
                .orElse(BigDecimal.ZERO);
    }

    /**
     * ν_eff = u_c⁴ / Σ u_i⁴(y)/ν_i over the components with finite ν (GUM G.4.1, equation G.2b); null when a
     * correlated pair has a finite ν, where the formula does not apply.
     */
    private static DegreesOfFreedom welchSatterthwaite(List<Component> components, List<Correlation> correlations,
            BigDecimal uc) {
        for (Correlation r : correlations) {
            if (r.coefficient().signum() != 0 && (finite(components, r.first()) || finite(components, r.second()))) {
                return null;
            }
        }
        BigDecimal denominator = BigDecimal.ZERO;
        for (Component c : components) {
            DegreesOfFreedom nu = c.quantity().degreesOfFreedom();
            if (!nu.isInfinite() && c.contribution().signum() != 0) {
                denominator = denominator.add(c.contribution().pow(4).divide(nu.value(), Precision.WORKING),
                        Precision.WORKING);
            }
        }
        if (denominator.signum() == 0) {
            return DegreesOfFreedom.infinite();
        }
        return DegreesOfFreedom.of(Precision.tidy(uc.pow(4).divide(denominator, Precision.WORKING)));
    }

    private static boolean finite(List<Component> components, String name) {
        return components.stream().filter(c -> c.name().equals(name)).anyMatch(
                c -> !c.quantity().degreesOfFreedom().isInfinite());
    }

    public String measurand() {
        return measurand;
    }

    public String unit() {
        return unit;
    }

    /** The output estimate y, unrounded. */
    public BigDecimal estimate() {
        return estimate;
    }

    /** The components in the order they were added. */
    public List<Component> components() {
        return components;
    }

    public Optional<Component> component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<Correlation> correlations() {
        return correlations;
    }

    /** u_c(y), unrounded (34 significant digits). */
    public BigDecimal combinedStandardUncertainty() {
        return combinedStandardUncertainty;
    }

    /** ν_eff, unrounded; empty when correlated inputs with finite degrees of freedom make it undefined. */
    public Optional<DegreesOfFreedom> effectiveDegreesOfFreedom() {
        return Optional.ofNullable(effectiveDegreesOfFreedom);
    }

    public Coverage coverage() {
        return coverage;
    }

    public BigDecimal coverageFactor() {
        return coverageFactor;
    }

    /** U = k·u_c, unrounded (u_c itself rounded first when the {@link #basis} says so). */
    public BigDecimal expandedUncertainty() {
        return expandedUncertainty;
    }

    public UncertaintyRounding rounding() {
        return rounding;
    }

    /** Whether U is computed from the unrounded u_c (the default) or from u_c rounded to two digits. */
    public ExpandedUncertaintyBasis basis() {
        return basis;
    }

    /** y ± U as printed: U to two significant digits by the rounding rule, y to the same decimal place. */
    public ReportedResult reported() {
        if (expandedUncertainty.signum() == 0) {
            return new ReportedResult(estimate, BigDecimal.ZERO, coverageFactor, unit, rounding, basis);
        }
        BigDecimal u = expandedUncertainty.round(new MathContext(2, rounding.mode()));
        BigDecimal value = estimate.setScale(u.scale(), java.math.RoundingMode.HALF_UP);
        return new ReportedResult(plain(value), plain(u), coverageFactor, unit, rounding, basis);
    }

    /** A value such as 1.2E+3 becomes 1200 so that it prints without an exponent. */
    private static BigDecimal plain(BigDecimal value) {
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** The budget as CSV, stable across versions of this class; {@link #fromCsv} reads it back. */
    public String toCsv() {
        return BudgetCsv.write(this);
    }

    /**
     * Reads a budget written by {@link #toCsv}, recomputes it and checks that the stored results agree.
     *
     * @throws IllegalArgumentException if the text is malformed or its stored results differ from the recomputed ones
     */
    public static UncertaintyBudget fromCsv(String csv) {
        return BudgetCsv.read(csv);
    }

    /**
     * This budget's result as one input quantity of another budget: x = y, u = u_c, ν = ν_eff (GUM 5.1 applied in
     * stages, as GUM H.1 does for the comparator difference d).
     *
     * @throws IllegalStateException if ν_eff is not defined (correlated inputs with finite degrees of freedom)
     */
    public InputQuantity asInputQuantity() {
        DegreesOfFreedom nu = effectiveDegreesOfFreedom().orElseThrow(() -> new IllegalStateException(
                "The budget of " + measurand + " has no effective degrees of freedom to pass on"));
        return new InputQuantity(measurand, unit, estimate, combinedStandardUncertainty, nu,
                new Evaluation(EvaluationType.COMBINED, "combined",
                        "u_c of " + components.size() + " components: " + String.join(", ",
                                components.stream().map(Component::name).toList())));
    }

    @Override
    public String toString() {
        return measurand + " = " + reported();
    }

    /** Collects the estimate, the components, their sensitivity coefficients and the correlations. */
    public static final class Builder {

        private final String measurand;
        private final String unit;
        private BigDecimal estimate;
        private final Map<String, Component> components = new LinkedHashMap<>();
        private final List<Correlation> correlations = new ArrayList<>();
        private Coverage coverage = Coverage.studentT95();
        private UncertaintyRounding rounding = UncertaintyRounding.HALF_UP;
        private ExpandedUncertaintyBasis basis = ExpandedUncertaintyBasis.UNROUNDED_COMBINED;

        private Builder(String measurand, String unit) {
            if (measurand == null || measurand.isBlank()) {
                throw new IllegalArgumentException("A budget needs the name of its measurand");
            }
            this.measurand = measurand.strip();
            this.unit = Objects.requireNonNull(unit, "unit").strip();
        }

        /** The output estimate y = f(x_1, …, x_N), evaluated by the caller's model. */
        public Builder estimate(BigDecimal y) {
            this.estimate = Objects.requireNonNull(y, "y");
            return this;
        }

        /** Adds an input quantity with sensitivity coefficient c_i = ∂f/∂x_i. */
        public Builder add(InputQuantity quantity, BigDecimal sensitivityCoefficient) {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(sensitivityCoefficient, "sensitivityCoefficient");
            if (components.containsKey(quantity.name())) {
                throw new IllegalArgumentException("The budget for " + measurand + " already has a component "
                        + quantity.name());
            }
            BigDecimal contribution = Precision.tidy(
                    sensitivityCoefficient.abs().multiply(quantity.standardUncertainty(), Precision.WORKING));
            components.put(quantity.name(), new Component(quantity, sensitivityCoefficient, contribution));
            return this;
        }

        /** Adds an input quantity that enters the model with c_i = 1. */
        public Builder add(InputQuantity quantity) {
            return add(quantity, BigDecimal.ONE);
        }

        /** Declares r(x_i, x_j) between two components (both must be added before {@link #build}). */
        public Builder correlate(String first, String second, BigDecimal coefficient) {
            Correlation r = new Correlation(first, second, coefficient);
            if (correlations.stream().anyMatch(c -> c.links(first, second))) {
                throw new IllegalArgumentException("r(" + first + ", " + second + ") is already declared");
            }
            correlations.add(r);
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

        /** What U is computed from; {@link ExpandedUncertaintyBasis#UNROUNDED_COMBINED} unless a procedure says. */
        public Builder basis(ExpandedUncertaintyBasis basis) {
            this.basis = Objects.requireNonNull(basis, "basis");
            return this;
        }

        public UncertaintyBudget build() {
            return new UncertaintyBudget(this);
        }
    }
}
