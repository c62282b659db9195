package org.jiliang.lims.metrology.scale;

import org.jiliang.lims.metrology.DecimalText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.ScaleParameters;

/**
 * One edition of a verification procedure for non-automatic weighing instruments (e.g. "OIML R 76-1:2006",
 * "JJG 539-2016") with the dates it applies and the numbers of its test set. A test plan and its result keep the
 * edition they were made with, so a later edition never changes an old result.
 *
 * <p>The numbers come from data ({@code metrology/scale/procedure-rules.csv}) because several are tagged [M] in the
 * reference; each is kept with its source and tag ({@link #rules()}).
 */
public final class ProcedureEdition {

    static final String ZERO_LIMIT_E = "zero.limit_e";
    static final String ZERO_LOAD_WITH_ZERO_TRACKING_E = "zero.load_with_zero_tracking_e";
    static final String WEIGHING_MINIMUM_LOADS = "weighing.minimum_loads";
    static final String WEIGHING_FIXED_LOADS_E = "weighing.fixed_loads_e";
    static final String ECCENTRICITY_DIVISOR = "eccentricity.divisor_up_to_4_supports";
    static final String ECCENTRICITY_POSITIONS = "eccentricity.positions_up_to_4_supports";
    static final String REPEATABILITY_LOADS = "repeatability.loads";
    static final String REPEATABILITY_WEIGHINGS_BELOW = "repeatability.weighings_below_threshold";
    static final String REPEATABILITY_WEIGHINGS_FROM = "repeatability.weighings_from_threshold";
    static final String REPEATABILITY_THRESHOLD = "repeatability.threshold_max";
    static final String DISCRIMINATION_LOADS = "discrimination.loads";
    static final String DISCRIMINATION_EXTRA_LOAD = "discrimination.extra_load";
    static final String TARE_FRACTION = "tare.fraction_of_max_tare";

    /** Every rule an edition must define. */
    static final List<String> REQUIRED_RULES = List.of(ZERO_LIMIT_E, ZERO_LOAD_WITH_ZERO_TRACKING_E,
            WEIGHING_MINIMUM_LOADS, WEIGHING_FIXED_LOADS_E, ECCENTRICITY_DIVISOR, ECCENTRICITY_POSITIONS,
            REPEATABILITY_LOADS, REPEATABILITY_WEIGHINGS_BELOW, REPEATABILITY_WEIGHINGS_FROM, REPEATABILITY_THRESHOLD,
            DISCRIMINATION_LOADS, DISCRIMINATION_EXTRA_LOAD, TARE_FRACTION);

    /** Supports up to which the receptor is treated as four quarter segments (metrology.md 1.4, [V2]). */
    static final int QUARTER_SEGMENT_SUPPORTS = 4;

    private final String procedure;
    private final String edition;
    private final LocalDate effectiveFrom;
    private final LocalDate effectiveUntil;
    private final String source;
    private final EvidenceTag tag;
    private final Map<String, ProcedureRule> rules;

    private final BigDecimal zeroLimitE;
    private final BigDecimal zeroLoadWithZeroTrackingE;
    private final int minimumWeighingLoads;
    private final List<BigDecimal> fixedWeighingLoadsE;
    private final BigDecimal eccentricityDivisor;
    private final int eccentricityPositions;
    private final List<RelativeLoad> repeatabilityLoads;
    private final int repeatabilityWeighingsBelow;
    private final int repeatabilityWeighingsFrom;
    private final Mass repeatabilityThreshold;
    private final List<RelativeLoad> discriminationLoads;
    private final BigDecimal discriminationFactor;
    private final boolean discriminationOnD;
    private final BigDecimal tareFraction;

    /**
     * @param procedure      the procedure a job names, e.g. "JJG 539"
     * @param edition        the edition, e.g. "JJG 539-2016"; unique in a catalog
     * @param effectiveFrom  first day the edition applies
     * @param effectiveUntil last day it applies; null while in force
     * @param source         where the dates come from
     * @param tag            how far the dates were checked
     * @throws IllegalArgumentException if a rule is missing or unreadable, naming the rule
     */
    public ProcedureEdition(String procedure, String edition, LocalDate effectiveFrom, LocalDate effectiveUntil,
            String source, EvidenceTag tag, List<ProcedureRule> rules) {
        this.procedure = requireText(procedure, "procedure");
        this.edition = requireText(edition, "edition");
        this.effectiveFrom = Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        this.effectiveUntil = effectiveUntil;
        this.source = requireText(source, "source");
        this.tag = Objects.requireNonNull(tag, "tag");
        if (effectiveUntil != null && effectiveUntil.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException(edition + ": effective until " + effectiveUntil
                    + " is before effective from " + effectiveFrom);
        }
        Map<String, ProcedureRule> byName = new LinkedHashMap<>();
        for (ProcedureRule rule : Objects.requireNonNull(rules, "rules")) {
            if (byName.put(rule.name(), rule) != null) {
                throw new IllegalArgumentException(edition + ": rule " + rule.name() + " is given twice");
            }
        }
        List<String> missing = REQUIRED_RULES.stream().filter(r -> !byName.containsKey(r)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(edition + " lacks the rules " + missing);
        }
        List<String> unknown = byName.keySet().stream().filter(r -> !REQUIRED_RULES.contains(r)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(edition + " has unknown rules " + unknown);
        }
        this.rules = Collections.unmodifiableMap(byName);

        zeroLimitE = positiveDecimal(ZERO_LIMIT_E);
        zeroLoadWithZeroTrackingE = nonNegativeDecimal(ZERO_LOAD_WITH_ZERO_TRACKING_E);
        minimumWeighingLoads = positiveInteger(WEIGHING_MINIMUM_LOADS);
        fixedWeighingLoadsE = words(WEIGHING_FIXED_LOADS_E).stream().map(w -> parseDecimal(WEIGHING_FIXED_LOADS_E, w))
                .toList();
        eccentricityDivisor = positiveDecimal(ECCENTRICITY_DIVISOR);
        eccentricityPositions = positiveInteger(ECCENTRICITY_POSITIONS);
        repeatabilityLoads = relativeLoads(REPEATABILITY_LOADS);
        repeatabilityWeighingsBelow = positiveInteger(REPEATABILITY_WEIGHINGS_BELOW);
        repeatabilityWeighingsFrom = positiveInteger(REPEATABILITY_WEIGHINGS_FROM);
        repeatabilityThreshold = mass(REPEATABILITY_THRESHOLD);
        discriminationLoads = relativeLoads(DISCRIMINATION_LOADS);
        List<String> extra = words(DISCRIMINATION_EXTRA_LOAD);
        if (extra.size() != 2 || !extra.get(1).equals("d") && !extra.get(1).equals("e")) {
            throw invalid(DISCRIMINATION_EXTRA_LOAD, "expected a factor and d or e, e.g. \"1.4 d\"");
        }
        discriminationFactor = parseDecimal(DISCRIMINATION_EXTRA_LOAD, extra.get(0));
        discriminationOnD = extra.get(1).equals("d");
        tareFraction = positiveDecimal(TARE_FRACTION);
        if (tareFraction.compareTo(BigDecimal.ONE) > 0) {
            throw invalid(TARE_FRACTION, "a fraction of the maximum tare cannot exceed 1");
        }
    }

    /** The names of the rules every edition must define, e.g. "repeatability.weighings_below_threshold". */
    public static List<String> requiredRules() {
        return REQUIRED_RULES;
    }

    public String procedure() {
        return procedure;
    }

    /** The edition's name, e.g. "JJG 539-2016"; stored with every result made with it. */
    public String edition() {
        return edition;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    /** The last day the edition applies; empty while it is in force. */
    public Optional<LocalDate> effectiveUntil() {
        return Optional.ofNullable(effectiveUntil);
    }

    /** Where the edition's dates come from. */
    public String source() {
        return source;
    }

    /** How far the edition's dates were checked. */
    public EvidenceTag tag() {
        return tag;
    }

    public boolean appliesOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(effectiveFrom) && (effectiveUntil == null || !date.isAfter(effectiveUntil));
    }

    boolean overlaps(ProcedureEdition other) {
        return procedure.equals(other.procedure)
                && (effectiveUntil == null || !other.effectiveFrom.isAfter(effectiveUntil))
                && (other.effectiveUntil == null || !effectiveFrom.isAfter(other.effectiveUntil));
    }

    /** Every rule with its value, source and tag, in data order. */
    public List<ProcedureRule> rules() {
        return List.copyOf(rules.values());
    }

    /** The rule of that name, e.g. "discrimination.extra_load". */
    public ProcedureRule rule(String name) {
        ProcedureRule rule = rules.get(name);
        if (rule == null) {
            throw new IllegalArgumentException(edition + " has no rule " + name);
        }
        return rule;
    }

    /** The rules still tagged [M]: to be confirmed against the text of the edition. */
    public List<ProcedureRule> unconfirmedRules() {
        return rules.values().stream().filter(r -> !r.tag().confirmed()).toList();
    }

    /** Limit for the zero error E0 (accuracy of zero-setting), in e. */
    public BigDecimal zeroLimitE() {
        return zeroLimitE;
    }

    /** Load at which E0 is determined on an instrument with zero-tracking, in e. */
    public BigDecimal zeroLoadWithZeroTrackingE() {
        return zeroLoadWithZeroTrackingE;
    }

    public int minimumWeighingLoads() {
        return minimumWeighingLoads;
    }

    /** Loads in e always part of the weighing test when not above Max (500 e and 2 000 e). */
    public List<BigDecimal> fixedWeighingLoadsE() {
        return fixedWeighingLoadsE;
    }

    /** Divisor of (Max + maximum additive tare) for a receptor with up to four supports (3). */
    public BigDecimal eccentricityDivisor() {
        return eccentricityDivisor;
    }

    /** Positions for a receptor with up to four supports (the four quarter segments). */
    public int eccentricityPositions() {
        return eccentricityPositions;
    }

    public List<RelativeLoad> repeatabilityLoads() {
        return repeatabilityLoads;
    }

    /** Weighings per repeatability series: one number below the Max threshold (10), another from it (3). */
    public int repeatabilityWeighings(Mass max) {
        return max.compareTo(repeatabilityThreshold) < 0 ? repeatabilityWeighingsBelow : repeatabilityWeighingsFrom;
    }

    public List<RelativeLoad> discriminationLoads() {
        return discriminationLoads;
    }

    /** The additional load that must change the indication, e.g. 1.4 d, in the unit of the interval. */
    public Mass discriminationExtraLoad(ScaleParameters parameters) {
        Mass interval = discriminationOnD ? parameters.d() : parameters.e();
        return DecimalText.tidy(interval.times(discriminationFactor));
    }

    /** Fraction of the maximum subtractive tare used in the weighing test with tare. */
    public BigDecimal tareFraction() {
        return tareFraction;
    }

    /** E.g. "JJG 539-2016 (from 2017-05-30)", for records and certificates. */
    public String citation() {
        return edition + " (from " + effectiveFrom + (effectiveUntil == null ? "" : " until " + effectiveUntil) + ")";
    }

    @Override
    public String toString() {
        return citation();
    }

    private String value(String rule) {
        return rules.get(rule).value();
    }

    private List<String> words(String rule) {
        return Arrays.stream(value(rule).strip().split("\\s+")).toList();
    }

    private BigDecimal parseDecimal(String rule, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException ex) {
            throw invalid(rule, "\"" + text + "\" is not a number");
        }
    }

    private BigDecimal nonNegativeDecimal(String rule) {
        BigDecimal value = parseDecimal(rule, value(rule).strip());
        if (value.signum() < 0) {
            throw invalid(rule, "must not be negative");
        }
        return value;
    }

    private BigDecimal positiveDecimal(String rule) {
        BigDecimal value = parseDecimal(rule, value(rule).strip());
        if (value.signum() <= 0) {
            throw invalid(rule, "must be greater than zero");
        }
        return value;
    }

    private int positiveInteger(String rule) {
        BigDecimal value = positiveDecimal(rule);
        try {
            return value.intValueExact();
        } catch (ArithmeticException ex) {
            throw invalid(rule, "must be a whole number");
        }
    }

    private Mass mass(String rule) {
        try {
            return Mass.parse(value(rule));
        } catch (IllegalArgumentException ex) {
            throw invalid(rule, ex.getMessage());
        }
    }

    private List<RelativeLoad> relativeLoads(String rule) {
        List<RelativeLoad> loads = new ArrayList<>();
        for (String word : words(rule)) {
            try {
                loads.add(RelativeLoad.parse(word));
            } catch (IllegalArgumentException ex) {
                throw invalid(rule, ex.getMessage());
            }
        }
        return List.copyOf(loads);
    }

    private IllegalArgumentException invalid(String rule, String why) {
        return new IllegalArgumentException(edition + ": rule " + rule + " = \"" + value(rule) + "\": " + why);
    }

    private static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A procedure edition needs a " + what);
        }
        return text;
    }
}
