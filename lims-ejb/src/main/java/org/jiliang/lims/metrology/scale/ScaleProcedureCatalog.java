package org.jiliang.lims.metrology.scale;

import org.jiliang.lims.metrology.CsvResource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The editions of the verification procedures for non-automatic weighing instruments, so that a job is planned
 * with the edition in force on its date and an old result is re-read with the edition it was made with.
 */
public final class ScaleProcedureCatalog {

    static final String EDITIONS_RESOURCE = "metrology/scale/procedure-editions.csv";
    static final String RULES_RESOURCE = "metrology/scale/procedure-rules.csv";

    private final Map<String, ProcedureEdition> byEdition;
    private final List<ProcedureEdition> ordered;

    /**
     * @throws IllegalArgumentException if two editions share a name, or two editions of one procedure overlap
     *                                  in time
     */
    public ScaleProcedureCatalog(List<ProcedureEdition> editions) {
        Map<String, ProcedureEdition> map = new LinkedHashMap<>();
        for (ProcedureEdition edition : Objects.requireNonNull(editions, "editions")) {
            for (ProcedureEdition other : map.values()) {
                if (other.overlaps(edition)) {
                    throw new IllegalArgumentException("Editions " + other.citation() + " and " + edition.citation()
                            + " of " + edition.procedure() + " overlap in time");
                }
            }
            if (map.put(edition.edition(), edition) != null) {
                throw new IllegalArgumentException("Edition " + edition.edition() + " is listed twice");
            }
        }
        this.byEdition = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    /** The editions in {@code metrology/scale/procedure-editions.csv} with the rules of procedure-rules.csv. */
    public static ScaleProcedureCatalog standard() {
        return StandardHolder.CATALOG;
    }

    private static final class StandardHolder {
        static final ScaleProcedureCatalog CATALOG = load();
    }

    private static ScaleProcedureCatalog load() {
        CsvResource editionFile = CsvResource.load(EDITIONS_RESOURCE).requireMetadata("source", "tag");
        CsvResource ruleFile = CsvResource.load(RULES_RESOURCE).requireMetadata("source", "tag");
        Map<String, List<ProcedureRule>> rulesByEdition = new LinkedHashMap<>();
        for (CsvResource.Row row : ruleFile.rows()) {
            rulesByEdition.computeIfAbsent(row.text("edition"), k -> new ArrayList<>())
                    .add(new ProcedureRule(row.text("rule"), row.text("value"), row.text("source"), row.constant("tag", EvidenceTag.class)));
        }
        List<ProcedureEdition> editions = new ArrayList<>();
        for (CsvResource.Row row : editionFile.rows()) {
            String edition = row.text("edition");
            List<ProcedureRule> rules = rulesByEdition.remove(edition);
            if (rules == null) {
                throw new IllegalStateException(RULES_RESOURCE + " has no rules for " + edition);
            }
            editions.add(new ProcedureEdition(row.text("procedure"), edition, row.date("effective_from"),
                    row.dateOrNull("effective_until"), row.text("source"), row.constant("tag", EvidenceTag.class), rules));
        }
        if (!rulesByEdition.isEmpty()) {
            throw new IllegalStateException(RULES_RESOURCE + " has rules for editions not in " + EDITIONS_RESOURCE
                    + ": " + rulesByEdition.keySet());
        }
        return new ScaleProcedureCatalog(editions);
    }

    /** All editions, in data order. */
    public List<ProcedureEdition> editions() {
        return ordered;
    }

    /**
     * The edition of that name, e.g. to re-read a stored result.
     *
     * @throws IllegalArgumentException for an unknown edition
     */
    public ProcedureEdition edition(String edition) {
        ProcedureEdition found = byEdition.get(Objects.requireNonNull(edition, "edition"));
        if (found == null) {
            throw new IllegalArgumentException("Unknown procedure edition \"" + edition + "\"; known: "
                    + ordered.stream().map(ProcedureEdition::edition).toList());
        }
        return found;
    }

    /**
     * The edition of a procedure that applies on a date, e.g. ("JJG 539", 2024-03-01) → JJG 539-2016.
     *
     * @throws IllegalArgumentException if no edition of the procedure applies on that date
     */
    public ProcedureEdition inForce(String procedure, LocalDate date) {
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(date, "date");
        return ordered.stream()
                .filter(e -> e.procedure().equals(procedure) && e.appliesOn(date))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No edition of " + procedure + " applies on " + date
                        + "; editions: " + ordered.stream().filter(e -> e.procedure().equals(procedure))
                                .map(ProcedureEdition::citation).toList()));
    }
}
