package org.jiliang.lims.metrology.bloodpressure;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.scale.EvidenceTag;

/**
 * One edition of a verification regulation for blood-pressure meters (e.g. "JJG 692-2010") with everything the
 * data says about it: the kinds of meter it covers, its limits, indication points and parameters. A plan and its
 * result keep the edition they were made with.
 */
public final class BpEdition {

    private final String procedure;
    private final String edition;
    private final Set<MeterType> meterTypes;
    private final LocalDate effectiveFrom;
    private final String source;
    private final EvidenceTag tag;
    private final List<BpLimit> limits;
    private final Map<MeterType, IndicationPoints> points;
    private final List<BpParameter> parameters;

    /**
     * @param effectiveFrom null when the day the edition took effect was not confirmed (the data leaves it blank
     *                      rather than guess)
     */
    public BpEdition(String procedure, String edition, Set<MeterType> meterTypes, LocalDate effectiveFrom,
            String source, EvidenceTag tag, List<BpLimit> limits, List<IndicationPoints> points,
            List<BpParameter> parameters) {
        this.procedure = Objects.requireNonNull(procedure, "procedure");
        this.edition = Objects.requireNonNull(edition, "edition");
        this.meterTypes = Set.copyOf(meterTypes);
        this.effectiveFrom = effectiveFrom;
        this.source = Objects.requireNonNull(source, "source");
        this.tag = Objects.requireNonNull(tag, "tag");
        this.limits = List.copyOf(limits);
        this.parameters = List.copyOf(parameters);
        Map<MeterType, IndicationPoints> byType = new EnumMap<>(MeterType.class);
        for (IndicationPoints p : points) {
            if (byType.put(p.meterType(), p) != null) {
                throw new IllegalArgumentException(edition + " lists the points of " + p.meterType() + " twice");
            }
        }
        this.points = Map.copyOf(byType);
        for (BpLimit limit : limits) {
            requireCovered(limit.meterType(), "a limit");
            requireSameEdition(limit.edition());
        }
        for (IndicationPoints p : points) {
            requireCovered(p.meterType(), "points");
            requireSameEdition(p.edition());
        }
    }

    public String procedure() {
        return procedure;
    }

    /** E.g. "JJG 270-2008"; stored with every result made with it. */
    public String edition() {
        return edition;
    }

    public Set<MeterType> meterTypes() {
        return meterTypes;
    }

    public boolean covers(MeterType type) {
        return meterTypes.contains(type);
    }

    /** Empty while the day it took effect is not confirmed. */
    public Optional<LocalDate> effectiveFrom() {
        return Optional.ofNullable(effectiveFrom);
    }

    public String source() {
        return source;
    }

    public EvidenceTag tag() {
        return tag;
    }

    public List<BpLimit> limits() {
        return limits;
    }

    /** Every limit for a kind of meter and verification type, each in every unit the data gives. */
    public List<BpLimit> limits(MeterType type, VerificationType verificationType) {
        return limits.stream()
                .filter(l -> l.meterType() == type && l.verificationTypes().contains(verificationType)).toList();
    }

    /**
     * The limit of a test in the unit the meter indicates ("a meter is judged in the unit it indicates"); the
     * data's other form where it gives only one.
     */
    public Optional<BpLimit> limit(MeterType type, BpTest test, VerificationType verificationType, Unit meterUnit) {
        List<BpLimit> forms = limits(type, verificationType).stream().filter(l -> l.test() == test).toList();
        return forms.stream().filter(l -> l.unit().equals(meterUnit)).findFirst()
                .or(() -> forms.stream().findFirst());
    }

    public Optional<IndicationPoints> indicationPoints(MeterType type) {
        return Optional.ofNullable(points.get(type));
    }

    public List<BpParameter> parameters() {
        return parameters;
    }

    public Optional<BpParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Everything of the edition still tagged [M], as "what: source", to be confirmed in the regulation text. */
    public List<String> unconfirmed() {
        return Stream.of(
                limits.stream().filter(l -> !l.tag().confirmed()).map(l -> l.meterType() + " " + l.test().dataName()
                        + " " + l.verificationTypes() + " " + l.describe() + ": " + l.source()),
                points.values().stream().filter(p -> !p.tag().confirmed())
                        .map(p -> p.meterType() + " points " + p.points() + " " + p.unit() + ": " + p.source()),
                parameters.stream().filter(p -> !p.tag().confirmed())
                        .map(p -> p.name() + " " + p.value() + " " + p.unit() + ": " + p.source()))
                .flatMap(s -> s).toList();
    }

    @Override
    public String toString() {
        return edition;
    }

    private void requireCovered(MeterType type, String what) {
        if (!meterTypes.contains(type)) {
            throw new IllegalArgumentException(edition + " has " + what + " for " + type + ", which it does not cover");
        }
    }

    private void requireSameEdition(String other) {
        if (!edition.equals(other)) {
            throw new IllegalArgumentException("Data of " + other + " given to " + edition);
        }
    }
}
