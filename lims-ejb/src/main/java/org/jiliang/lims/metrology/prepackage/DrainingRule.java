package org.jiliang.lims.metrology.prepackage;

import java.math.BigDecimal;
import java.util.List;
import org.jiliang.lims.metrology.CsvResource;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Units;

/**
 * How a content that is not all the package holds is found, per edition, from {@code draining-rules.csv}: the drained
 * mass of a solid packed in a liquid medium (沥干物), the same washed of a sauce that clings to it (洗净沥干物), and the
 * mass of a glazed frozen product without its glaze (去冰衣) and of a block frozen in ice without the ice (冻块解冻),
 * after OIML R 87 Annexes C and D, WELMEC Guide 6.8 and NIST Handbook 133 §2.6.1. The product drains on a sieve
 * weighed beforehand for at least the rule's time, and the content is (sieve + product) − sieve; the labelled quantity
 * is then judged against T like any net content. A block thaws in water kept within the rule's temperatures.
 *
 * @param drainSeconds the least time the product drains on the sieve
 * @param meshMm       the sieve's openings
 * @param sieveCm      the sieve's diameter for Q_n up to {@code largeFromGrams}
 * @param largeSieveCm the sieve's diameter above
 * @param waterMinC    the coldest the water a product thaws in may be, in °C; null for a product not thawed
 * @param waterMaxC    the warmest, in °C; null for a product not thawed
 */
public record DrainingRule(String edition, Preparation preparation, BigDecimal drainSeconds, BigDecimal meshMm,
        BigDecimal sieveCm, BigDecimal largeFromGrams, BigDecimal largeSieveCm, BigDecimal waterMinC,
        BigDecimal waterMaxC, String tag) {

    /** What is done to a package's content before it is weighed. */
    public enum Preparation {
        /** The liquid medium drained off: the labelled quantity is the drained mass. */
        DRAINED,
        /**
         * A sauce that clings to the product (tomato sauce, say) washed off with warm water on the sieve, then drained:
         * the labelled quantity is the drained washed mass.
         */
        DRAINED_WASHED,
        /** The ice glaze removed under cold water, then drained: the labelled quantity is the product without it. */
        DEGLAZED,
        /**
         * A block of product frozen in ice (block-frozen shrimp, say) thawed in flowing water until it loses its
         * rigidity, then drained: the labelled quantity is the product without the ice.
         */
        THAWED
    }

    static final String RESOURCE = "metrology/prepackage/draining-rules.csv";

    private static final List<DrainingRule> RULES = CsvResource.load(RESOURCE)
            .requireMetadata("source", "edition", "tag").rows().stream()
            .map(r -> new DrainingRule(r.text("edition"), r.constant("preparation", Preparation.class),
                    r.decimal("drain_seconds"), r.decimal("mesh_mm"), r.decimal("sieve_cm"),
                    r.decimal("large_from_g"), r.decimal("large_sieve_cm"), r.decimalOrNull("water_min_c"),
                    r.decimalOrNull("water_max_c"), r.text("tag")))
            .toList();

    /** A thawed product's rule says the water's temperatures, lowest first; no other rule names any. */
    public DrainingRule {
        boolean thawed = preparation == Preparation.THAWED;
        boolean named = waterMinC != null && waterMaxC != null && waterMinC.compareTo(waterMaxC) <= 0;
        boolean none = waterMinC == null && waterMaxC == null;
        if (thawed ? !named : !none) {
            throw new IllegalStateException(RESOURCE + ": " + edition + " " + preparation
                    + (thawed ? " needs the water's lowest and highest temperature" : " is not thawed: no water"));
        }
    }

    /** The rule of an edition for a preparation. */
    public static DrainingRule of(String edition, Preparation preparation) {
        return RULES.stream().filter(r -> r.edition().equals(edition) && r.preparation() == preparation).findFirst()
                .orElseThrow(() -> new NetContentRefusal("error.netContent.noDraining", edition));
    }

    /** The sieve's diameter in cm for a labelled mass. */
    public BigDecimal sieveFor(Quantity labelled) {
        return labelled.to(Units.of("g")).value().compareTo(largeFromGrams) > 0 ? largeSieveCm : sieveCm;
    }

    /** Whether the product thaws in water: its temperature is then held to the rule's. */
    public boolean thawed() {
        return waterMinC != null;
    }

    /** Whether the water a product thawed in, in °C, was within the rule's temperatures (both included). */
    public boolean waterWithin(BigDecimal celsius) {
        return thawed() && celsius.compareTo(waterMinC) >= 0 && celsius.compareTo(waterMaxC) <= 0;
    }

    /** Whether a draining time, in seconds, is long enough. */
    public boolean longEnough(BigDecimal seconds) {
        return seconds.compareTo(drainSeconds) >= 0;
    }
}
