package org.jiliang.lims.method.netcontent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jiliang.lims.metrology.prepackage.DrainingRule;
import org.jiliang.lims.metrology.prepackage.NetContentEditions;
import org.jiliang.lims.metrology.prepackage.NetContentRefusal;
import org.jiliang.lims.metrology.prepackage.SamplingPlan;
import org.jiliang.lims.metrology.prepackage.TareRule;
import org.jiliang.lims.metrology.prepackage.TolerableShortfall;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.InstrumentParameters;

/**
 * A lot as the rules take it, from the register's parameters: the edition in force on the day it was sampled, T for
 * its labelled quantity, the sampling plan for its size, how many empty packagings are weighed for an average tare.
 *
 * @param density   g/mL, for a volume found by weighing; null otherwise
 * @param weighed   whether each package is weighed on the bench balance (a mass, or a volume with its density);
 *                  otherwise the technician types each package's content as measured
 * @param ownTare   each package tared on its own (false: the average of {@code packagings} empty packagings)
 * @param draining  for a drained, deglazed or thawed content, the rule of the sieve it drains on, which is each package's
 *                  tare, weighed before the product; null otherwise
 */
record Lot(Quantity labelled, long lotSize, String sampledAt, LocalDate sampledOn, String edition,
        TolerableShortfall.Allowed t, SamplingPlan plan, int sample, boolean weighed, boolean ownTare,
        BigDecimal density, int packagings, DrainingRule draining) {

    static final long LARGEST_LOT = SamplingPlan.LARGEST_LOT;
    /** A density outside this range (g/mL) is a typing error, not a product. */
    static final BigDecimal LEAST_DENSITY = new BigDecimal("0.1");
    static final BigDecimal GREATEST_DENSITY = new BigDecimal("25");
    static final Unit GRAM = Units.of("g");
    private static final Pattern QUANTITY = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,6})?)\\s*(\\S{1,8})");

    static Lot of(InstrumentParameters p) {
        String sampledText = p.text(PrepackageLotKind.SAMPLED_ON).orElseThrow();
        LocalDate sampledOn;
        try {
            sampledOn = LocalDate.parse(sampledText.strip());
        } catch (DateTimeParseException e) {
            throw new RefusedException("error.lot.sampledOn", sampledText);
        }
        String labelledText = p.text(PrepackageLotKind.LABELLED).orElseThrow().strip();
        Matcher m = QUANTITY.matcher(labelledText);
        if (!m.matches()) {
            throw new RefusedException("error.lot.labelled", labelledText);
        }
        long lotSize = p.integer(PrepackageLotKind.LOT_SIZE).orElseThrow();
        try {
            String edition = NetContentEditions.inForceOn(sampledOn).name();
            TolerableShortfall.Allowed t = TolerableShortfall.of(edition, new BigDecimal(m.group(1)), m.group(2));
            SamplingPlan plan = SamplingPlan.forLot(edition, lotSize);
            String kind = t.labelled().unit().kind();
            BigDecimal density = density(p, kind);
            boolean weighed = "mass".equals(kind) || density != null;
            String tare = p.text(PrepackageLotKind.TARE).orElse(null);
            DrainingRule draining = draining(edition, tare, t.labelled());
            if (weighed && tare == null) {
                throw new RefusedException("error.lot.tareMissing", t.labelled());
            }
            if (!weighed && tare != null) {
                throw new RefusedException("error.lot.tareNotWeighed", t.labelled());
            }
            boolean ownTare = PrepackageLotKind.OWN_TARE.equals(tare) || draining != null;
            int sample = plan.sampleSize(lotSize);
            int packagings = weighed && !ownTare ? TareRule.of(edition).packagings(sample) : 0;
            return new Lot(t.labelled(), lotSize, p.text(PrepackageLotKind.SAMPLED_AT).orElseThrow(), sampledOn,
                    edition, t, plan, sample, weighed, ownTare, density, packagings, draining);
        } catch (NetContentRefusal e) {
            throw refused(e);
        }
    }

    /** The register's choices of how the tare is found that drain the product on a sieve, and how. */
    private static final java.util.Map<String, DrainingRule.Preparation> PREPARATIONS = java.util.Map.of(
            PrepackageLotKind.DRAINED, DrainingRule.Preparation.DRAINED,
            PrepackageLotKind.DRAINED_WASHED, DrainingRule.Preparation.DRAINED_WASHED,
            PrepackageLotKind.DEGLAZED, DrainingRule.Preparation.DEGLAZED,
            PrepackageLotKind.THAWED, DrainingRule.Preparation.THAWED);

    /** The draining rule of a drained, deglazed or thawed content, which is declared by mass only; null for any other. */
    private static DrainingRule draining(String edition, String tare, Quantity labelled) {
        DrainingRule.Preparation preparation = tare == null ? null : PREPARATIONS.get(tare);
        if (preparation == null) {
            return null;
        }
        if (!"mass".equals(labelled.unit().kind())) {
            throw new RefusedException("error.lot.drainedNotMass", labelled);
        }
        return DrainingRule.of(edition, preparation);
    }

    private static BigDecimal density(InstrumentParameters p, String kind) {
        String text = p.text(PrepackageLotKind.DENSITY).orElse(null);
        if (text == null) {
            return null;
        }
        if (!"volume".equals(kind)) {
            throw new RefusedException("error.lot.densityNotVolume", text);
        }
        try {
            BigDecimal density = new BigDecimal(text.strip().replaceFirst("\\s*g/mL$", ""));
            if (density.compareTo(LEAST_DENSITY) >= 0 && density.compareTo(GREATEST_DENSITY) <= 0) {
                return density;
            }
        } catch (NumberFormatException e) {
            // refused below with the value as typed
        }
        throw new RefusedException("error.lot.density", text, LEAST_DENSITY.toPlainString(),
                GREATEST_DENSITY.toPlainString());
    }

    /** The unit the bench's points are kept in: grams when weighed, the labelled unit when typed. */
    Unit pointUnit() {
        return weighed ? GRAM : labelled.unit();
    }

    /**
     * A weighed mass (net of tare) as the labelled quantity: converted exactly to the labelled unit, or through the
     * density to a volume.
     */
    BigDecimal content(BigDecimal netGrams) {
        Quantity net = new Quantity(netGrams, GRAM);
        if (density == null) {
            return net.to(labelled.unit()).value();
        }
        Quantity millilitres = new Quantity(netGrams.divide(density, java.math.MathContext.DECIMAL64), Units.of("mL"));
        return millilitres.to(labelled.unit(), java.math.MathContext.DECIMAL64).stripped().value();
    }

    static RefusedException refused(NetContentRefusal e) {
        return new RefusedException(e.key(), e.arguments());
    }
}
