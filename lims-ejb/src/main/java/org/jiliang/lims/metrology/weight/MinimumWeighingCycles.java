package org.jiliang.lims.metrology.weight;

import org.jiliang.lims.metrology.CsvResource;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The minimum number of weighing cycles per class and scheme (OIML R 111-1:2004 Table C.1), loaded from a resource
 * because the values are remembered, not read in the standard [M], and must be correctable without a code change.
 */
public final class MinimumWeighingCycles {

    static final String RESOURCE = "metrology/oiml-r111-1-2004-minimum-weighing-cycles.csv";

    private final String source;
    private final Map<WeightClass, Map<WeighingScheme, Integer>> cycles;

    public MinimumWeighingCycles(String source, Map<WeightClass, Map<WeighingScheme, Integer>> cycles) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("A table of minimum weighing cycles needs a source to cite");
        }
        this.source = source;
        Map<WeightClass, Map<WeighingScheme, Integer>> copy = new EnumMap<>(WeightClass.class);
        for (WeightClass c : WeightClass.values()) {
            Map<WeighingScheme, Integer> row = cycles.get(c);
            for (WeighingScheme s : WeighingScheme.values()) {
                Integer n = row == null ? null : row.get(s);
                if (n == null || n < 1) {
                    throw new IllegalArgumentException("Minimum number of " + s.symbol() + " cycles for class "
                            + c.symbol() + " must be given and at least 1, was " + n);
                }
            }
            copy.put(c, Collections.unmodifiableMap(new EnumMap<>(row)));
        }
        this.cycles = Collections.unmodifiableMap(copy);
    }

    /** OIML R 111-1:2004 Table C.1 [M], from the class path. */
    public static MinimumWeighingCycles oimlR111() {
        return Holder.TABLE;
    }

    private static final class Holder {
        static final MinimumWeighingCycles TABLE = load();
    }

    private static MinimumWeighingCycles load() {
        CsvResource file = CsvResource.load(RESOURCE);
        Map<WeightClass, Map<WeighingScheme, Integer>> cycles = new EnumMap<>(WeightClass.class);
        for (CsvResource.Row row : file.rows()) {
            WeightClass c = WeightClass.fromSymbol(row.text("class"));
            Map<WeighingScheme, Integer> perScheme = new EnumMap<>(WeighingScheme.class);
            for (WeighingScheme s : WeighingScheme.values()) {
                perScheme.put(s, row.integer(s.name()));
            }
            if (cycles.put(c, perScheme) != null) {
                throw new IllegalStateException(RESOURCE + " line " + row.lineNumber() + ": class " + c.symbol()
                        + " is listed twice");
            }
        }
        return new MinimumWeighingCycles(file.metadata("source") + " [" + file.metadata("edition") + "]", cycles);
    }

    public int minimum(WeightClass weightClass, WeighingScheme scheme) {
        return cycles.get(Objects.requireNonNull(weightClass, "weightClass"))
                .get(Objects.requireNonNull(scheme, "scheme"));
    }

    public String source() {
        return source;
    }
}
