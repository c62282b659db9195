package org.jiliang.lims.metrology.weight;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.metrology.decision.AcceptanceRule;
import org.jiliang.lims.metrology.decision.ConformityAssessment;
import org.jiliang.lims.metrology.decision.ConformityOutcome;
import org.jiliang.lims.metrology.decision.ToleranceLimits;
import org.jiliang.lims.metrology.uncertainty.Coverage;
import org.jiliang.lims.metrology.uncertainty.DegreesOfFreedom;
import org.jiliang.lims.metrology.uncertainty.EvaluationType;
import org.jiliang.lims.metrology.uncertainty.InputQuantity;
import org.jiliang.lims.metrology.uncertainty.PooledStandardDeviation;
import org.jiliang.lims.metrology.uncertainty.ReportedResult;
import org.jiliang.lims.metrology.uncertainty.UncertaintyBudget;
import org.jiliang.lims.metrology.uncertainty.UncertaintyRounding;

/**
 * The calibration of one weight by comparison with a reference weight (OIML R 111-1:2004 Annex C): conventional
 * mass m_ct = m_cr + ΔĪ + m_cr·C, its uncertainty budget after C.6 built with the GUM engine, the check U ≤ δm/3
 * (5.2) and conformity m0 − (δm − U) ≤ m_ct ≤ m0 + (δm − U) (5.3.1) as a binary statement with guard band w = U
 * (ILAC-G8:09/2019 §4.2.2). Clause references to R 111-1 are [M] in the project reference.
 *
 * <p>All components enter the model additively (c = 1), except the display resolution, whose rectangular
 * half-width d/2 enters with c = √2 because two indications make each difference (C.6.4.3 [M]). The conformity
 * decision uses the rounded values the certificate prints.
 */
public final class WeightCalibration {

    private final WeightClass weightClass;
    private final Mass nominal;
    private final UncertaintyBudget budget;
    private final MassUnit unit;
    private final Mass mpe;
    private final ConformityOutcome conformity;

    private WeightCalibration(WeightClass weightClass, Mass nominal, UncertaintyBudget budget, MassUnit unit,
            Mass mpe) {
        this.weightClass = weightClass;
        this.nominal = nominal;
        this.budget = budget;
        this.unit = unit;
        this.mpe = mpe;
        ReportedResult reported = budget.reported();
        this.conformity = ConformityAssessment.assess(AcceptanceRule.GUARDED_ACCEPTANCE, reported.value(),
                reported.expandedUncertainty(),
                ToleranceLimits.symmetric(nominal.to(unit).value(), mpe.to(unit).value(), unit.symbol()));
    }

    /** Starts the calibration of a weight of this class and nominal value; both must be in the MPE table. */
    public static Builder builder(WeightClass weightClass, Mass nominal) {
        return new Builder(weightClass, nominal, WeightMpeTable.oimlR111());
    }

    public WeightClass weightClass() {
        return weightClass;
    }

    public Mass nominal() {
        return nominal;
    }

    /** The GUM budget of m_ct. */
    public UncertaintyBudget budget() {
        return budget;
    }

    /** m_ct, unrounded, in the budget unit. */
    public Mass conventionalMass() {
        return Mass.of(budget.estimate(), unit);
    }

    /** m_ct as printed: rounded to the decimal place of U. */
    public Mass reportedConventionalMass() {
        return Mass.of(budget.reported().value(), unit);
    }

    /** U as printed: two significant digits. */
    public Mass expandedUncertainty() {
        return Mass.of(budget.reported().expandedUncertainty(), unit);
    }

    /** ±δm of the class for the nominal value (R 111-1 Table 1). */
    public Mass maximumPermissibleError() {
        return mpe;
    }

    /** δm/3, the largest U allowed (R 111-1 5.2 [M]), in the budget unit. */
    public Mass uncertaintyLimit() {
        return Mass.of(mpe.to(unit).value().divide(BigDecimal.valueOf(3), MathContext.DECIMAL64), unit);
    }

    /** Whether U ≤ δm/3. */
    public boolean uncertaintyWithinLimit() {
        return expandedUncertainty().compareTo(uncertaintyLimit()) <= 0;
    }

    /** The guarded-acceptance decision m0 − (δm − U) ≤ m_ct ≤ m0 + (δm − U). */
    public ConformityOutcome conformity() {
        return conformity;
    }

    /** Whether the weight may be declared of its class: U small enough and the conformity decision a pass. */
    public boolean conforms() {
        return uncertaintyWithinLimit() && conformity.decision().accepted();
    }

    /** Collects the readings and the uncertainty sources of one calibration. */
    public static final class Builder {

        private final WeightClass weightClass;
        private final Mass nominal;
        private final Mass mpe;
        private MassUnit unit = MassUnit.G;
        private Coverage coverage = Coverage.studentT95();
        private UncertaintyRounding rounding = UncertaintyRounding.HALF_UP;
        private Mass referenceMass;
        private Mass referenceExpandedUncertainty;
        private BigDecimal referenceCoverageFactor;
        private InputQuantity referenceInstability;
        private Mass referenceInstabilityHalfWidth;
        private WeighingInput weighing;
        private AirBuoyancy buoyancy;
        private Mass buoyancyHalfWidth;
        private SensitivityInput sensitivity;
        private Mass displayResolution;
        private final List<InputQuantity> balance = new ArrayList<>();

        private record WeighingInput(Mass meanDifference, int cycles, WeighingSeries series, Mass pooledSd,
                DegreesOfFreedom pooledDof, PooledStandardDeviation process) {
        }

        private record SensitivityInput(Mass sensitivityWeight, Mass sensitivityWeightUncertainty,
                Mass indicationChange, Mass indicationChangeUncertainty) {
        }

        private Builder(WeightClass weightClass, Mass nominal, WeightMpeTable table) {
            this.weightClass = Objects.requireNonNull(weightClass, "weightClass");
            this.nominal = Objects.requireNonNull(nominal, "nominal");
            this.mpe = table.mpe(weightClass, nominal);
        }

        /** The unit of the budget and the certificate, g unless set. */
        public Builder unit(MassUnit unit) {
            this.unit = Objects.requireNonNull(unit, "unit");
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

        /** m_cr and u(m_cr) = U/k from the reference weight's certificate (C.6.2). */
        public Builder referenceWeight(Mass conventionalMass, Mass expandedUncertainty, BigDecimal coverageFactor) {
            this.referenceMass = Objects.requireNonNull(conventionalMass, "conventionalMass");
            this.referenceExpandedUncertainty = Objects.requireNonNull(expandedUncertainty, "expandedUncertainty");
            this.referenceCoverageFactor = Objects.requireNonNull(coverageFactor, "coverageFactor");
            return this;
        }

        /** Drift of the reference since its calibration, zero within ±halfWidth, rectangular (C.6.2 u_inst). */
        public Builder referenceInstability(Mass halfWidth) {
            this.referenceInstabilityHalfWidth = Objects.requireNonNull(halfWidth, "halfWidth");
            this.referenceInstability = null;
            return this;
        }

        /** Drift of the reference from its history, evaluated by the caller (C.6.2 u_inst). */
        public Builder referenceInstability(InputQuantity instability) {
            this.referenceInstability = Objects.requireNonNull(instability, "instability");
            this.referenceInstabilityHalfWidth = null;
            return this;
        }

        /** The comparator cycles of test weight 1; u_w from their scatter (C.6.1). */
        public Builder weighing(WeighingSeries series) {
            Objects.requireNonNull(series, "series");
            this.weighing = new WeighingInput(null, series.numberOfCycles(), series, null, null, null);
            return this;
        }

        /**
         * The comparator cycles and the comparator's recorded weighing process: u_w from the larger of s_p and the
         * series' own s ({@link PooledStandardDeviation#typeA}, R 111-1 C.6.1); the budget line says which.
         *
         * @param process a pooled standard deviation of a mass
         */
        public Builder weighing(WeighingSeries series, PooledStandardDeviation process) {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(process, "process");
            if (!MassUnit.isSymbol(process.unit())) {
                throw new IllegalArgumentException("The weighing process's s_p must be a mass, was in '"
                        + process.unit() + "'");
            }
            this.weighing = new WeighingInput(null, series.numberOfCycles(), series, null, null, process);
            return this;
        }

        /**
         * Only the mean difference of n cycles is known (the comparator reports differences), with a pooled s.
         */
        public Builder weighing(Mass meanDifference, int cycles, Mass pooledStandardDeviation, DegreesOfFreedom nu) {
            this.weighing = new WeighingInput(Objects.requireNonNull(meanDifference, "meanDifference"), cycles, null,
                    Objects.requireNonNull(pooledStandardDeviation, "pooledStandardDeviation"),
                    Objects.requireNonNull(nu, "nu"), null);
            return this;
        }

        /** Air buoyancy from the densities: correction m_cr·C, uncertainty u_b (C.4.4, C.6.3). */
        public Builder airBuoyancy(AirBuoyancy buoyancy) {
            this.buoyancy = Objects.requireNonNull(buoyancy, "buoyancy");
            this.buoyancyHalfWidth = null;
            return this;
        }

        /** No buoyancy correction applied; its effect is bounded by ±halfWidth, rectangular. */
        public Builder airBuoyancyWithin(Mass halfWidth) {
            this.buoyancyHalfWidth = Objects.requireNonNull(halfWidth, "halfWidth");
            this.buoyancy = null;
            return this;
        }

        /**
         * Sensitivity of the comparator (C.6.4.2 [M]): u_s = |ΔĪ|·√(u²(m_s)/m_s² + u²(ΔI_s)/ΔI_s²).
         *
         * @param sensitivityWeight            m_s, the weight used to determine the sensitivity
         * @param sensitivityWeightUncertainty u(m_s)
         * @param indicationChange             ΔI_s, the change of indication it caused
         * @param indicationChangeUncertainty  u(ΔI_s)
         */
        public Builder sensitivity(Mass sensitivityWeight, Mass sensitivityWeightUncertainty, Mass indicationChange,
                Mass indicationChangeUncertainty) {
            this.sensitivity = new SensitivityInput(Objects.requireNonNull(sensitivityWeight, "sensitivityWeight"),
                    Objects.requireNonNull(sensitivityWeightUncertainty, "sensitivityWeightUncertainty"),
                    Objects.requireNonNull(indicationChange, "indicationChange"),
                    Objects.requireNonNull(indicationChangeUncertainty, "indicationChangeUncertainty"));
            return this;
        }

        /** Scale interval d of a digital comparator: rectangular ±d/2, c = √2 (C.6.4.3 [M]). */
        public Builder displayResolution(Mass d) {
            this.displayResolution = Objects.requireNonNull(d, "d");
            return this;
        }

        /** Eccentricity of the comparator, u_E, evaluated by the caller (C.6.4.4). */
        public Builder eccentricity(InputQuantity eccentricity) {
            return balance(eccentricity);
        }

        /** Magnetic interaction, u_ma, evaluated by the caller; often 0 (C.6.4.5). */
        public Builder magnetism(InputQuantity magnetism) {
            return balance(magnetism);
        }

        /** Any further balance component with c = 1, e.g. a combined eccentricity and magnetism limit. */
        public Builder balance(InputQuantity component) {
            balance.add(Objects.requireNonNull(component, "component"));
            return this;
        }

        public WeightCalibration build() {
            if (referenceMass == null) {
                throw new IllegalStateException("The reference weight (m_cr, U, k) is missing");
            }
            if (weighing == null) {
                throw new IllegalStateException("The weighing (comparator cycles or mean difference) is missing");
            }
            String u = unit.symbol();
            Mass mcr = referenceMass.to(unit);
            List<InputQuantity> inputs = new ArrayList<>();
            inputs.add(InputQuantity.normal("m_cr", u, mcr.value(), referenceExpandedUncertainty.to(unit).value(),
                    referenceCoverageFactor));
            if (referenceInstability != null) {
                inputs.add(referenceInstability);
            } else if (referenceInstabilityHalfWidth != null) {
                inputs.add(InputQuantity.rectangular("Δm_inst", u, BigDecimal.ZERO,
                        referenceInstabilityHalfWidth.to(unit).value()));
            }
            InputQuantity weighingQuantity = weighingQuantity();
            inputs.add(weighingQuantity);
            if (buoyancy != null) {
                inputs.add(InputQuantity.standardUncertainty("δm_b", u, buoyancy.correction(mcr).value(),
                        buoyancy.standardUncertainty(mcr).value(), DegreesOfFreedom.infinite(), EvaluationType.B,
                        "u_b after R 111-1 C.6.3 [M], C = " + buoyancy.correctionFactor().round(new MathContext(4))
                                .toPlainString()));
            } else if (buoyancyHalfWidth != null) {
                inputs.add(InputQuantity.rectangular("δm_b", u, BigDecimal.ZERO, buoyancyHalfWidth.to(unit).value()));
            }
            if (sensitivity != null) {
                inputs.add(sensitivityQuantity(weighingQuantity.estimate()));
            }
            inputs.addAll(balance);
            UncertaintyBudget.Builder budget = UncertaintyBudget.builder("m_ct", u).coverage(coverage)
                    .rounding(rounding);
            BigDecimal estimate = BigDecimal.ZERO;
            for (InputQuantity q : inputs) {
                requireUnit(q, u);
                budget.add(q);
                estimate = estimate.add(q.estimate());
            }
            if (displayResolution != null) {
                BigDecimal sqrt2 = BigDecimal.valueOf(2).sqrt(MathContext.DECIMAL128);
                budget.add(InputQuantity.rectangular("δI_d", u, BigDecimal.ZERO,
                        displayResolution.to(unit).value().divide(BigDecimal.valueOf(2))), sqrt2);
            }
            return new WeightCalibration(weightClass, nominal, budget.estimate(estimate).build(), unit, mpe);
        }

        private InputQuantity weighingQuantity() {
            String u = unit.symbol();
            if (weighing.series() == null) {
                return InputQuantity.typeAPooled("ΔI", u, weighing.meanDifference().to(unit).value(),
                        weighing.pooledSd().to(unit).value(), weighing.cycles(), weighing.pooledDof());
            }
            if (weighing.process() == null) {
                return weighing.series().weighingProcess(1, "ΔI", unit);
            }
            PooledStandardDeviation p = weighing.process();
            PooledStandardDeviation inUnit = new PooledStandardDeviation(
                    Mass.of(p.value(), MassUnit.fromSymbol(p.unit())).to(unit).value(), u, p.degreesOfFreedom(),
                    p.source());
            return inUnit.typeA("ΔI", weighing.series().differences(1).stream().map(d -> d.to(unit).value())
                    .toList());
        }

        private InputQuantity sensitivityQuantity(BigDecimal meanDifference) {
            MathContext mc = MathContext.DECIMAL128;
            BigDecimal ms = sensitivity.sensitivityWeight().to(unit).value();
            BigDecimal ums = sensitivity.sensitivityWeightUncertainty().to(unit).value();
            BigDecimal dis = sensitivity.indicationChange().to(unit).value();
            BigDecimal udis = sensitivity.indicationChangeUncertainty().to(unit).value();
            if (ms.signum() == 0 || dis.signum() == 0) {
                throw new IllegalArgumentException("The sensitivity weight and its indication change must not be 0");
            }
            BigDecimal relative = ums.divide(ms, mc).pow(2).add(udis.divide(dis, mc).pow(2));
            BigDecimal us = meanDifference.abs().multiply(relative.sqrt(mc));
            return InputQuantity.standardUncertainty("δI_s", unit.symbol(), BigDecimal.ZERO, us,
                    DegreesOfFreedom.infinite(), EvaluationType.B,
                    "u_s = |ΔĪ|·√(u²(m_s)/m_s² + u²(ΔI_s)/ΔI_s²), R 111-1 C.6.4.2 [M]");
        }

        private static void requireUnit(InputQuantity q, String unit) {
            if (!q.unit().equals(unit)) {
                throw new IllegalArgumentException("Input " + q.name() + " is in " + q.unit() + "; the budget of the"
                        + " weight is in " + unit + ": give every component in " + unit);
            }
        }
    }
}
