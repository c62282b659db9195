package org.jiliang.lims.metrology.weight;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jiliang.lims.metrology.CsvResource;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.metrology.scale.BilingualText;
import org.jiliang.lims.metrology.uncertainty.DegreesOfFreedom;
import org.jiliang.lims.metrology.uncertainty.PooledStandardDeviation;

/**
 * The calibration of one weight against one reference weight with ABBA cycles on a comparator, as the laboratory
 * runs it under JJG 99-2006 / OIML R 111-1:2004: the observations to make (the test plan) and the result from
 * them. The laboratory's choices and the density limits are data ({@code metrology/weight/...csv},
 * {@code metrology/oiml-r111-1-2004-table5-density.csv}).
 */
public final class WeightCalibrationProcedure {

    /** The value of {@code procedure_version.test_plan} for this plan. */
    public static final String TEST_PLAN = "R111-ABBA";

    static final String PARAMETERS_RESOURCE = "metrology/weight/jjg99-calibration-parameters.csv";
    static final String DENSITY_RESOURCE = "metrology/oiml-r111-1-2004-table5-density.csv";

    /** A in the cycle is the reference weight, B the test weight (R 111-1 C.4.3). */
    public enum Role {
        REFERENCE, TEST
    }

    /**
     * One indication to read: cycle i, position 1–4 of A B B A.
     *
     * @param id e.g. "C2-B1": cycle 2, first reading of the test weight
     */
    public record Observation(String id, int cycle, int position, Role role, BilingualText label) {
    }

    /** ρ_min…ρ_max of a class (Table 5, m ≥ 100 g). */
    public record DensityLimits(WeightClass weightClass, BigDecimal min, BigDecimal max, Mass smallestNominal) {

        /** ρ_t = 8 000 kg/m³ with u(ρ_t) = (max − min)/(2√3), rectangular. */
        public BigDecimal standardUncertainty() {
            return max.subtract(min).divide(BigDecimal.valueOf(2).multiply(BigDecimal.valueOf(3)
                    .sqrt(MathContext.DECIMAL64)), MathContext.DECIMAL64);
        }
    }

    /** What the reference weight's certificate states. */
    public record ReferenceWeight(Mass conventionalMass, Mass expandedUncertainty, BigDecimal coverageFactor,
            BigDecimal density, BigDecimal densityUncertainty, BigDecimal airDensityAtCalibration, Mass driftLimit) {

        public ReferenceWeight {
            Objects.requireNonNull(conventionalMass, "conventionalMass");
            Objects.requireNonNull(expandedUncertainty, "expandedUncertainty");
            Objects.requireNonNull(coverageFactor, "coverageFactor");
            Objects.requireNonNull(density, "density");
            Objects.requireNonNull(densityUncertainty, "densityUncertainty");
            Objects.requireNonNull(airDensityAtCalibration, "airDensityAtCalibration");
            Objects.requireNonNull(driftLimit, "driftLimit");
        }
    }

    /** The recorded bench conditions: °C, hPa, %RH. */
    public record Conditions(BigDecimal temperature, BigDecimal pressure, BigDecimal humidity) {

        public Conditions {
            Objects.requireNonNull(temperature, "temperature");
            Objects.requireNonNull(pressure, "pressure");
            Objects.requireNonNull(humidity, "humidity");
        }

        /** ρ_a by CIPM-2007 (x_CO2 = 0.0004), kg/m³. */
        public BigDecimal airDensity() {
            return AirDensity.cipm2007(temperature, pressure, humidity);
        }
    }

    /** What each input of the budget built by {@link WeightCalibration} is, as a certificate prints it. */
    public static BilingualText componentLabel(String name) {
        return switch (name) {
            case "m_cr" -> new BilingualText("参考砝码（证书值）", "Reference weight (its certificate)");
            case "Δm_inst" -> new BilingualText("参考砝码的不稳定性", "Instability of the reference weight");
            case "ΔI" -> new BilingualText("称量过程（ABBA 循环）", "Weighing process (ABBA cycles)");
            case "δm_b" -> new BilingualText("空气浮力修正", "Air buoyancy correction");
            case "δI_d" -> new BilingualText("比较仪分辨力", "Comparator resolution");
            case "δI_s" -> new BilingualText("比较仪灵敏度", "Comparator sensitivity");
            default -> new BilingualText(name, name);
        };
    }

    private final int minimumAbbaCycles;
    private final BigDecimal conventionalDensity;
    private final BigDecimal airDensityRelativeUncertainty;
    private final Map<WeightClass, DensityLimits> densityLimits;
    private final String source;
    private final BigDecimal referenceNominalTolerance;

    private WeightCalibrationProcedure(int minimumAbbaCycles, BigDecimal conventionalDensity,
            BigDecimal airDensityRelativeUncertainty, Map<WeightClass, DensityLimits> densityLimits, String source,
            BigDecimal referenceNominalTolerance) {
        this.referenceNominalTolerance = referenceNominalTolerance;
        this.minimumAbbaCycles = minimumAbbaCycles;
        this.conventionalDensity = conventionalDensity;
        this.airDensityRelativeUncertainty = airDensityRelativeUncertainty;
        this.densityLimits = densityLimits;
        this.source = source;
    }

    /** The laboratory's procedure as the class path data files state it. */
    public static WeightCalibrationProcedure standard() {
        return Holder.PROCEDURE;
    }

    private static final class Holder {
        static final WeightCalibrationProcedure PROCEDURE = load();
    }

    private static WeightCalibrationProcedure load() {
        CsvResource parameters = CsvResource.load(PARAMETERS_RESOURCE).requireMetadata("source", "edition");
        Map<String, BigDecimal> values = new java.util.HashMap<>();
        parameters.rows().forEach(r -> values.put(r.text("name"), r.decimal("value")));
        CsvResource density = CsvResource.load(DENSITY_RESOURCE).requireMetadata("source", "edition");
        Map<WeightClass, DensityLimits> limits = new EnumMap<>(WeightClass.class);
        for (CsvResource.Row row : density.rows()) {
            WeightClass c = WeightClass.fromSymbol(row.text("class"));
            limits.put(c, new DensityLimits(c, row.decimal("min"), row.decimal("max"),
                    Mass.of(row.decimal("smallest_nominal_g"), MassUnit.G)));
        }
        String source = WeightMpeTable.oimlR111().source() + "; " + MinimumWeighingCycles.oimlR111().source() + "; "
                + density.metadata("source") + "; " + parameters.metadata("source") + " ("
                + parameters.metadata("edition") + ")";
        return new WeightCalibrationProcedure(required(values, "min_abba_cycles").intValueExact(),
                required(values, "conventional_density"), required(values, "air_density_relative_uncertainty"),
                limits, source, required(values, "reference_nominal_relative_tolerance"));
    }

    private static BigDecimal required(Map<String, BigDecimal> values, String name) {
        BigDecimal v = values.get(name);
        if (v == null) {
            throw new IllegalStateException(PARAMETERS_RESOURCE + " has no row " + name);
        }
        return v;
    }

    /** Every table and decision the result depends on, for the stored result. */
    public String source() {
        return source;
    }

    /** Whether a reference weight of this conventional mass can be compared with a weight of this nominal value. */
    public boolean referenceMatches(Mass referenceConventionalMass, Mass nominal) {
        return referenceConventionalMass.minus(nominal).abs().dividedBy(nominal)
                .compareTo(referenceNominalTolerance) <= 0;
    }

    /** Whether R 111-1 Table 1 has this class and nominal value. */
    public boolean covers(WeightClass weightClass, Mass nominal) {
        return WeightMpeTable.oimlR111().covers(weightClass, nominal);
    }

    /** The density limits used for a test weight of unknown density; empty when the table has none. */
    public Optional<DensityLimits> densityLimits(WeightClass weightClass, Mass nominal) {
        return Optional.ofNullable(densityLimits.get(weightClass))
                .filter(l -> nominal.compareTo(l.smallestNominal()) >= 0);
    }

    /** n = max(Table C.1 minimum for ABBA, the laboratory's minimum). */
    public int cycles(WeightClass weightClass) {
        return Math.max(MinimumWeighingCycles.oimlR111().minimum(weightClass, WeighingScheme.ABBA),
                minimumAbbaCycles);
    }

    /** The 4·n indications of n ABBA cycles, in the order they are read. */
    public List<Observation> plan(WeightClass weightClass) {
        List<Observation> plan = new ArrayList<>();
        for (int i = 1; i <= cycles(weightClass); i++) {
            plan.add(observation(i, 1, Role.REFERENCE, "A1"));
            plan.add(observation(i, 2, Role.TEST, "B1"));
            plan.add(observation(i, 3, Role.TEST, "B2"));
            plan.add(observation(i, 4, Role.REFERENCE, "A2"));
        }
        return List.copyOf(plan);
    }

    private static Observation observation(int cycle, int position, Role role, String code) {
        String zh = "循环 " + cycle + " · " + code + (role == Role.REFERENCE ? " 参考砝码" : " 被校砝码");
        String en = "cycle " + cycle + " · " + code + (role == Role.REFERENCE ? " reference weight" : " test weight");
        return new Observation("C" + cycle + "-" + code, cycle, position, role, new BilingualText(zh, en));
    }

    /**
     * The result from the indications of the plan (by observation id), the reference weight, the conditions and the
     * comparator's scale interval d, with u_w from the scatter of this series. The test weight's density is taken
     * from Table 5 (see {@link #densityLimits}).
     *
     * @throws IllegalArgumentException if an indication is missing, the table has no density limits, or the
     *                                  differences of the series agree exactly (see {@link #calibrate(WeightClass,
     *                                  Mass, Map, ReferenceWeight, Conditions, Mass, PooledStandardDeviation)})
     */
    public WeightCalibration calibrate(WeightClass weightClass, Mass nominal, Map<String, Mass> indications,
            ReferenceWeight reference, Conditions conditions, Mass scaleInterval) {
        return calibrate(weightClass, nominal, indications, reference, conditions, scaleInterval, null);
    }

    /**
     * The result with u_w from the comparator's recorded weighing process when there is one: u_w = s_p/√n with the
     * degrees of freedom of s_p (R 111-1 C.6.1 [M]); else, or when this series scatters more than the record says
     * (the process is then not the one recorded), from the scatter of this series, u_w = s(ΔI)/√n, ν = n − 1
     * ({@link PooledStandardDeviation#typeA}). A series whose differences agree exactly, on a comparator without a
     * record, is refused: its s(ΔI) is 0 and a calibration must not claim a zero Type A component. The budget's
     * ΔI line says which s was taken.
     *
     * @param process the comparator's pooled standard deviation of a mass; null when none is recorded
     */
    public WeightCalibration calibrate(WeightClass weightClass, Mass nominal, Map<String, Mass> indications,
            ReferenceWeight reference, Conditions conditions, Mass scaleInterval, PooledStandardDeviation process) {
        WeighingSeries series = series(weightClass, indications);
        if (process == null && !scatterShown(series)) {
            throw new IllegalArgumentException("The " + series.numberOfCycles() + " ABBA differences agree exactly:"
                    + " s(ΔI) = 0 gives no Type A uncertainty; record the comparator's pooled standard deviation"
                    + " (OIML R 111-1 C.6.1) or weigh more cycles");
        }
        DensityLimits limits = densityLimits(weightClass, nominal).orElseThrow(() -> new IllegalArgumentException(
                "No density limits for class " + weightClass.symbol() + " at " + nominal));
        BigDecimal airDensity = conditions.airDensity();
        AirBuoyancy buoyancy = new AirBuoyancy(airDensity, airDensity.multiply(airDensityRelativeUncertainty),
                conventionalDensity, limits.standardUncertainty(), reference.density(),
                reference.densityUncertainty(), reference.airDensityAtCalibration());
        WeightCalibration.Builder builder = WeightCalibration.builder(weightClass, nominal)
                .unit(MassUnit.G)
                .referenceWeight(reference.conventionalMass(), reference.expandedUncertainty(),
                        reference.coverageFactor())
                .referenceInstability(reference.driftLimit());
        if (process == null) {
            builder.weighing(series);
        } else {
            builder.weighing(series, process);
        }
        return builder.airBuoyancy(buoyancy).displayResolution(scaleInterval).build();
    }

    /** The ABBA cycles the plan's indications make, in the order of the plan. */
    public WeighingSeries series(WeightClass weightClass, Map<String, Mass> indications) {
        List<WeighingCycle> cycles = new ArrayList<>();
        List<Observation> plan = plan(weightClass);
        for (int i = 0; i < plan.size(); i += 4) {
            cycles.add(new WeighingCycle.Abba(indication(indications, plan.get(i)),
                    indication(indications, plan.get(i + 1)), indication(indications, plan.get(i + 2)),
                    indication(indications, plan.get(i + 3))));
        }
        return new WeighingSeries(cycles);
    }

    /** Whether the series' own differences scatter, so that s(ΔI) gives a Type A uncertainty. */
    public static boolean scatterShown(WeighingSeries series) {
        return series.numberOfCycles() >= 2 && series.standardDeviation(1).signum() > 0;
    }

    private static Mass indication(Map<String, Mass> indications, Observation o) {
        Mass m = indications.get(o.id());
        if (m == null) {
            throw new IllegalArgumentException("No indication for " + o.id() + " (" + o.label() + ")");
        }
        return m;
    }
}
