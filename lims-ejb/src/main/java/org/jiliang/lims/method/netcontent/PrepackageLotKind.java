package org.jiliang.lims.method.netcontent;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jiliang.lims.registry.InstrumentKind;
import org.jiliang.lims.registry.InstrumentParameters;
import org.jiliang.lims.registry.ParameterSpec;

/**
 * A lot of prepackaged goods sampled for a net-content inspection, as the register records it beside the trader's
 * instruments: the product is its description, the producer its manufacturer, brand and presentation its model, the
 * lot number its serial number; its parameters are the labelled quantity, the lot size, where and when it was sampled,
 * how the tare is found (or, for a drained, deglazed or thawed content, that the sieve is the tare) and, for a volume found
 * by weighing, the product's density. The labelled quantity is judged at once against the table of the edition in force on the day sampled: a quantity outside every row, or in a unit
 * no net content is stated in, is refused before anything is stored.
 */
@ApplicationScoped
public class PrepackageLotKind implements InstrumentKind {

    public static final String KIND = "PREPACKAGE_LOT";
    static final String LABELLED = "labelled";
    static final String LOT_SIZE = "lot.size";
    static final String SAMPLED_AT = "sampled.at";
    static final String SAMPLED_ON = "sampled.on";
    static final String TARE = "tare";
    static final String DENSITY = "density";
    /** The two ways of finding the tare, as the register stores the choice. */
    public static final String AVERAGE_TARE = "平均皮重 average tare";
    public static final String OWN_TARE = "逐件皮重 each package's own tare";
    /** The drained mass of a solid in a liquid medium, on a sieve weighed before it (OIML R 87 Annex C). */
    public static final String DRAINED = "沥干物：逐件称筛 drained mass, each on a weighed sieve";
    /** The drained mass of a product washed of the sauce it is packed in, on a sieve weighed before it (WELMEC 6.8). */
    public static final String DRAINED_WASHED = "洗净沥干物：逐件称筛 drained washed mass, each on a weighed sieve";
    /** A glazed frozen product without its glaze, on a sieve weighed before it (OIML R 87 Annex D). */
    public static final String DEGLAZED = "去冰衣：逐件称筛 glazed frozen product deglazed, each on a weighed sieve";
    /** A block frozen in ice, thawed in water, on a sieve weighed before it (NIST Handbook 133 §2.6.1; OIML R 87 D). */
    public static final String THAWED = "冻块解冻：逐件称筛 block frozen in ice, thawed, each on a weighed sieve";

    @Override
    public String instrumentKind() {
        return KIND;
    }

    @Override
    public String category() {
        return "定量包装商品检验批 Lot of prepackaged goods";
    }

    /** A lot is inspected once: its report opens no cycle, and it is never recalled. */
    @Override
    public boolean periodic() {
        return false;
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(
                ParameterSpec.text(LABELLED, "标注净含量", "Labelled quantity (e.g. 500 g)", true),
                ParameterSpec.integer(LOT_SIZE, "批量（件）", "Lot size (packages)", 1, (int) Lot.LARGEST_LOT, true),
                ParameterSpec.text(SAMPLED_AT, "抽样地点", "Where sampled", true),
                ParameterSpec.text(SAMPLED_ON, "抽样日期", "Day sampled (yyyy-mm-dd)", true),
                ParameterSpec.choice(TARE, "皮重的确定", "How the tare is found",
                        List.of(AVERAGE_TARE, OWN_TARE, DRAINED, DRAINED_WASHED, DEGLAZED, THAWED), false),
                ParameterSpec.text(DENSITY, "密度 (g/mL)", "Density (g/mL), for a volume found by weighing", false));
    }

    @Override
    public void checkTogether(InstrumentParameters parameters) {
        Lot.of(parameters);
    }
}
