package org.jiliang.lims.metrology.spc;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.jiliang.lims.metrology.CsvResource;

/**
 * The control-chart factors for subgroups of {@code n} readings (ISO 7870-2:2013 Table 2), read from
 * {@code metrology/spc/iso-7870-2-factors.csv}.
 *
 * @param n  readings in a subgroup, 2 to 10
 * @param a2 A2: the mean chart's limits are the grand mean ± A2·R̄
 * @param d2 d2: σ is estimated as R̄/d2
 * @param d3 D3: the range chart's lower limit is D3·R̄
 * @param d4 D4: the range chart's upper limit is D4·R̄
 */
public record ChartFactors(int n, BigDecimal a2, BigDecimal d2, BigDecimal d3, BigDecimal d4) {

    private static final Map<Integer, ChartFactors> TABLE = load();

    /** The factors for subgroups of n; refused outside the table (2 to 10), where they would have to be guessed. */
    public static ChartFactors forSubgroupsOf(int n) {
        ChartFactors f = TABLE.get(n);
        if (f == null) {
            throw new IllegalArgumentException("Control-chart factors are tabulated for subgroups of "
                    + ((TreeMap<Integer, ChartFactors>) TABLE).firstKey() + " to "
                    + ((TreeMap<Integer, ChartFactors>) TABLE).lastKey() + " readings, not " + n);
        }
        return f;
    }

    private static Map<Integer, ChartFactors> load() {
        CsvResource csv = CsvResource.load("metrology/spc/iso-7870-2-factors.csv").requireMetadata("source",
                "edition");
        Map<Integer, ChartFactors> table = new TreeMap<>();
        for (CsvResource.Row row : csv.rows()) {
            int n = row.integer("n");
            table.put(n, new ChartFactors(n, row.decimal("A2"), row.decimal("d2"), row.decimal("D3"),
                    row.decimal("D4")));
        }
        return table;
    }
}
