package org.jiliang.lims.integrity;

import java.util.List;
import org.jiliang.lims.metrology.CsvResource;

/**
 * The grading rules of integrity records ({@value #RESOURCE}): the first grade whose every limit a trader's findings
 * keep. Data, not code: the quality manager's rules, each limit a column.
 */
public final class IntegrityGrades {

    static final String RESOURCE = "integrity/grades.csv";

    /** A grade and its limits (null: no limit). */
    public record Grade(String code, String nameZh, String nameEn, boolean goodStanding, boolean enforcementList,
            Long maxOverdue, Long maxFailed, Long maxShortLots, Long maxEnforcement) {

        boolean kept(Findings f) {
            return within(f.overdue(), maxOverdue) && within(f.failed(), maxFailed)
                    && within(f.shortLots(), maxShortLots) && within(f.enforcement(), maxEnforcement);
        }

        private static boolean within(long count, Long max) {
            return max == null || count <= max;
        }
    }

    private static final CsvResource TABLE = CsvResource.load(RESOURCE).requireMetadata("source", "window_months");
    private static final List<Grade> GRADES = load();
    /** How far back failed verifications and enforcement outcomes count, in months. */
    public static final int WINDOW_MONTHS = Integer.parseInt(TABLE.metadata("window_months").strip());

    private IntegrityGrades() {
    }

    private static List<Grade> load() {
        List<Grade> grades = TABLE.rows().stream().map(r -> new Grade(r.text("grade"),
                r.text("name_zh"), r.text("name_en"), Boolean.parseBoolean(r.text("good_standing")),
                Boolean.parseBoolean(r.text("enforcement_list")), limit(r, "max_overdue"), limit(r, "max_failed"),
                limit(r, "max_short_lots"), limit(r, "max_enforcement"))).toList();
        Grade last = grades.get(grades.size() - 1);
        if (last.maxOverdue() != null || last.maxFailed() != null || last.maxShortLots() != null
                || last.maxEnforcement() != null) {
            throw new IllegalStateException(RESOURCE + ": the last grade must have no limit, so that every trader has one");
        }
        return grades;
    }

    private static Long limit(CsvResource.Row r, String column) {
        String v = r.values().get(column);
        return v == null || v.isEmpty() ? null : Long.valueOf(r.integer(column));
    }

    /** The grade of these findings. */
    public static Grade of(Findings findings) {
        return GRADES.stream().filter(g -> g.kept(findings)).findFirst().orElseThrow();
    }

    /** Every grade, best first. */
    public static List<Grade> all() {
        return GRADES;
    }
}
