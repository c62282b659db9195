package org.jiliang.lims.metrology.weight;

import org.jiliang.lims.metrology.CsvResource;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;

/**
 * Maximum permissible errors ±δm of weights by class and nominal value (OIML R 111-1:2004 Table 1), loaded from a
 * resource. Only the nominal values the table lists exist for a class: anything else is refused, never
 * extrapolated.
 */
public final class WeightMpeTable {

    static final String RESOURCE = "metrology/oiml-r111-1-2004-table1.csv";

    /** One cell of the table. */
    public record Entry(WeightClass weightClass, Mass nominal, Mass mpe) {

        public Entry {
            Objects.requireNonNull(weightClass, "weightClass");
            Objects.requireNonNull(nominal, "nominal");
            Objects.requireNonNull(mpe, "mpe");
            if (mpe.signum() <= 0) {
                throw new IllegalArgumentException("MPE must be positive for " + weightClass.symbol() + " "
                        + nominal);
            }
        }
    }

    private final String source;
    /** Per class: nominal value in mg (stripped) to MPE. */
    private final Map<WeightClass, Map<BigDecimal, Mass>> byClass;
    private final List<Entry> entries;

    public WeightMpeTable(String source, List<Entry> entries) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("A weight MPE table needs a source to cite");
        }
        this.source = source;
        Map<WeightClass, Map<BigDecimal, Mass>> map = new EnumMap<>(WeightClass.class);
        for (Entry e : entries) {
            requireNominalForm(e.nominal());
            Mass previous = map.computeIfAbsent(e.weightClass(), c -> new TreeMap<>()).put(key(e.nominal()), e.mpe());
            if (previous != null) {
                throw new IllegalArgumentException("Class " + e.weightClass().symbol() + " " + e.nominal()
                        + " is listed twice");
            }
        }
        map.replaceAll((c, m) -> Collections.unmodifiableMap(m));
        this.byClass = Collections.unmodifiableMap(map);
        this.entries = List.copyOf(entries);
    }

    /** OIML R 111-1:2004 Table 1, from the class path. */
    public static WeightMpeTable oimlR111() {
        return Holder.TABLE;
    }

    private static final class Holder {
        static final WeightMpeTable TABLE = load();
    }

    private static WeightMpeTable load() {
        CsvResource file = CsvResource.load(RESOURCE);
        List<Entry> entries = new ArrayList<>();
        for (CsvResource.Row row : file.rows()) {
            Mass nominal = Mass.parse(row.text("nominal"));
            for (WeightClass c : WeightClass.values()) {
                BigDecimal mpe = row.decimalOrNull(c.name());
                if (mpe != null) {
                    entries.add(new Entry(c, nominal, Mass.of(mpe, MassUnit.MG)));
                }
            }
        }
        return new WeightMpeTable(file.metadata("source") + " [" + file.metadata("edition") + "]", entries);
    }

    /**
     * ±δm, the absolute value of the MPE, in mg.
     *
     * @throws IllegalArgumentException if the nominal value is not of the form 1, 2 or 5 × 10^n, or the class has
     *                                  no weight of that nominal value
     */
    public Mass mpe(WeightClass weightClass, Mass nominal) {
        Objects.requireNonNull(weightClass, "weightClass");
        Objects.requireNonNull(nominal, "nominal");
        requireNominalForm(nominal);
        Map<BigDecimal, Mass> column = byClass.getOrDefault(weightClass, Map.of());
        Mass mpe = column.get(key(nominal));
        if (mpe == null) {
            throw new IllegalArgumentException("Class " + weightClass.symbol() + " has no weight of nominal value "
                    + nominal.normalized() + range(column) + "; the MPE table (" + source
                    + ") is not extrapolated");
        }
        return mpe;
    }

    /** Whether the table has an MPE for this class and nominal value. */
    public boolean covers(WeightClass weightClass, Mass nominal) {
        return byClass.getOrDefault(weightClass, Map.of()).containsKey(key(nominal));
    }

    public List<Entry> entries() {
        return entries;
    }

    public String source() {
        return source;
    }

    private static String range(Map<BigDecimal, Mass> column) {
        if (column.isEmpty()) {
            return "";
        }
        List<BigDecimal> keys = new ArrayList<>(column.keySet());
        return " (the class covers " + display(keys.get(0)) + " to " + display(keys.get(keys.size() - 1)) + ")";
    }

    private static String display(BigDecimal mg) {
        Mass m = Mass.of(mg, MassUnit.MG);
        if (mg.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            m = m.to(MassUnit.KG);
        } else if (mg.compareTo(BigDecimal.valueOf(1_000)) >= 0) {
            m = m.to(MassUnit.G);
        }
        return m.normalized().toString();
    }

    private static BigDecimal key(Mass nominal) {
        return nominal.to(MassUnit.MG).value().stripTrailingZeros();
    }

    /** Nominal values are 1, 2 or 5 × 10^n (R 111-1 clause 4.2). */
    static void requireNominalForm(Mass nominal) {
        BigInteger digits = nominal.value().stripTrailingZeros().unscaledValue();
        if (nominal.signum() <= 0 || !(digits.equals(BigInteger.ONE) || digits.equals(BigInteger.TWO)
                || digits.equals(BigInteger.valueOf(5)))) {
            throw new IllegalArgumentException("Nominal value " + nominal + " is not of the form 1, 2 or 5 × 10^n"
                    + " (OIML R 111-1 4.2)");
        }
    }
}
