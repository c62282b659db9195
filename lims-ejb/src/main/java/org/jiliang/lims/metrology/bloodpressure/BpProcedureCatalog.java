package org.jiliang.lims.metrology.bloodpressure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jiliang.lims.metrology.CsvResource;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.metrology.scale.EvidenceTag;

/**
 * The editions of the verification regulations for blood-pressure meters, loaded from
 * {@code metrology/bloodpressure/}: procedure-editions.csv, mpe.csv, test-points.csv, procedure-parameters.csv.
 *
 * <p>No edition has a confirmed date of effect, so the catalogue does not pick an edition by date: a job names
 * the procedure ("JJG 692"), and the catalogue refuses a procedure with more than one edition rather than guess.
 */
public final class BpProcedureCatalog {

    static final String DIRECTORY = "metrology/bloodpressure/";
    static final String EDITIONS = DIRECTORY + "procedure-editions.csv";
    static final String LIMITS = DIRECTORY + "mpe.csv";
    static final String POINTS = DIRECTORY + "test-points.csv";
    static final String PARAMETERS = DIRECTORY + "procedure-parameters.csv";

    private final List<BpEdition> editions;

    /** @throws IllegalArgumentException if two editions share a name */
    public BpProcedureCatalog(List<BpEdition> editions) {
        Map<String, BpEdition> byName = new LinkedHashMap<>();
        for (BpEdition e : Objects.requireNonNull(editions, "editions")) {
            if (byName.put(e.edition(), e) != null) {
                throw new IllegalArgumentException("Edition " + e.edition() + " is listed twice");
            }
        }
        this.editions = List.copyOf(byName.values());
    }

    /** The editions of the data files. */
    public static BpProcedureCatalog standard() {
        return StandardHolder.CATALOG;
    }

    private static final class StandardHolder {
        static final BpProcedureCatalog CATALOG = load();
    }

    private static BpProcedureCatalog load() {
        Map<String, List<BpLimit>> limits = new LinkedHashMap<>();
        for (CsvResource.Row row : CsvResource.load(LIMITS).requireMetadata("source", "edition", "tag").rows()) {
            limits.computeIfAbsent(row.text("edition"), k -> new ArrayList<>()).add(limit(row));
        }
        Map<String, List<IndicationPoints>> points = new LinkedHashMap<>();
        for (CsvResource.Row row : CsvResource.load(POINTS).requireMetadata("source", "edition", "tag").rows()) {
            points.computeIfAbsent(row.text("edition"), k -> new ArrayList<>()).add(points(row));
        }
        Map<String, List<BpParameter>> parameters = new LinkedHashMap<>();
        for (CsvResource.Row row : CsvResource.load(PARAMETERS).requireMetadata("source", "edition", "tag").rows()) {
            parameters.computeIfAbsent(row.text("edition"), k -> new ArrayList<>()).add(new BpParameter(
                    row.text("name"), row.text("value"), row.text("unit"), row.text("source"), tag(row)));
        }
        List<BpEdition> editions = new ArrayList<>();
        for (CsvResource.Row row : CsvResource.load(EDITIONS).requireMetadata("source", "edition", "tag").rows()) {
            String edition = row.text("edition");
            try {
                editions.add(new BpEdition(row.text("procedure"), edition, meterTypes(row, "instrument_types"),
                        row.dateOrNull("effective_from"), row.text("source"), tag(row),
                        orEmpty(limits.remove(edition)), orEmpty(points.remove(edition)),
                        orEmpty(parameters.remove(edition))));
            } catch (IllegalArgumentException ex) {
                throw new IllegalStateException(EDITIONS + " line " + row.lineNumber() + ": " + ex.getMessage(), ex);
            }
        }
        for (Map<String, ?> rest : List.of(limits, points, parameters)) {
            if (!rest.isEmpty()) {
                throw new IllegalStateException("Data for editions not in " + EDITIONS + ": " + rest.keySet());
            }
        }
        return new BpProcedureCatalog(editions);
    }

    private static BpLimit limit(CsvResource.Row row) {
        String[] unit = row.text("unit").split("/");
        Set<VerificationType> types = EnumSet.noneOf(VerificationType.class);
        for (String type : row.text("verification_types").split(" ")) {
            types.add(VerificationType.valueOf(type));
        }
        try {
            return new BpLimit(row.text("edition"), row.constant("instrument_type", MeterType.class),
                    BpTest.ofDataName(row.text("test")), types, row.decimalOrNull("lower"), row.decimalOrNull("upper"),
                    unit(row, unit[0]), unit.length > 1 ? unit(row, unit[1]) : null, row.text("condition"),
                    row.text("source"), tag(row));
        } catch (IllegalArgumentException | IllegalStateException ex) {
            throw new IllegalStateException(row.file() + " line " + row.lineNumber() + ": " + ex.getMessage(), ex);
        }
    }

    private static IndicationPoints points(CsvResource.Row row) {
        try {
            return new IndicationPoints(row.text("edition"), row.constant("instrument_type", MeterType.class),
                    Arrays.stream(row.text("points").split(" ")).map(java.math.BigDecimal::new).toList(),
                    unit(row, row.text("unit")),
                    Arrays.stream(row.text("directions").split(" ")).map(Direction::valueOf).toList(),
                    row.text("source"), tag(row));
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException(row.file() + " line " + row.lineNumber() + ": " + ex.getMessage(), ex);
        }
    }

    private static Unit unit(CsvResource.Row row, String symbol) {
        return Units.find(symbol).orElseThrow(() -> new IllegalStateException(row.file() + " line "
                + row.lineNumber() + ": unknown unit \"" + symbol + "\""));
    }

    private static Set<MeterType> meterTypes(CsvResource.Row row, String column) {
        Set<MeterType> types = EnumSet.noneOf(MeterType.class);
        for (String type : row.text(column).split(" ")) {
            types.add(MeterType.valueOf(type));
        }
        return types;
    }

    private static EvidenceTag tag(CsvResource.Row row) {
        return row.constant("tag", EvidenceTag.class);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    public List<BpEdition> editions() {
        return editions;
    }

    /** @throws IllegalArgumentException for an unknown edition, naming the known ones */
    public BpEdition edition(String edition) {
        return editions.stream().filter(e -> e.edition().equals(edition)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown procedure edition \"" + edition
                        + "\"; known: " + editions.stream().map(BpEdition::edition).toList()));
    }

    /**
     * The one edition of a procedure, e.g. "JJG 692" → JJG 692-2010.
     *
     * @throws IllegalArgumentException if the procedure is unknown, or has several editions (no dates of effect
     *                                  are confirmed, so the catalogue cannot tell which applies)
     */
    public BpEdition onlyEditionOf(String procedure) {
        List<BpEdition> found = editions.stream().filter(e -> e.procedure().equals(procedure)).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.isEmpty()
                    ? "Unknown procedure \"" + procedure + "\"; known: "
                            + editions.stream().map(BpEdition::procedure).distinct().toList()
                    : procedure + " has " + found.size() + " editions and none has a confirmed date of effect: "
                            + found.stream().map(BpEdition::edition).toList());
        }
        return found.get(0);
    }
}
