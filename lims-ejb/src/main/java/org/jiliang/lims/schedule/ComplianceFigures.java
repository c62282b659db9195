package org.jiliang.lims.schedule;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.registry.InstrumentStatus;
import org.jiliang.lims.registry.LegalCatalogue;

/**
 * The policy's headline figure, 受检率, with the pass rate and the turnaround (issue 12), for a year, by month,
 * category or district. The definitions (docs/scheduling.md, and on the page):
 * <ul>
 * <li>A <b>cycle due</b> in the period: an instrument under mandatory verification (used where verification is
 * mandatory, its category V or P+V) whose due date falls in the period and has come: closed by a verification
 * (the history), or still open and overdue (in service, due before today). Instruments out of service or scrapped
 * are not due.</li>
 * <li><b>受检率</b> = cycles closed by a verification on or before their due date / cycles due, in percent (one
 * decimal, half up). A verification that found the instrument non-conforming counts as verified: it was
 * inspected.</li>
 * <li><b>Pass rate</b> = verifications that passed / verifications made in the period, of instruments under
 * mandatory verification.</li>
 * <li><b>Turnaround</b>: days from a job's intake to its certificate, of the certificates issued in the period
 * (median).</li>
 * </ul>
 */
@Stateless
@RolesAllowed({Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR, Roles.INTAKE_CLERK})
public class ComplianceFigures {

    public static final int FIRST_YEAR = 2000;
    public static final int MAX_TEXT = 100;

    /** What the rows are. */
    public enum Grouping {
        MONTH,
        CATEGORY,
        DISTRICT
    }

    public record Query(int year, Grouping by, String category, String district) {
    }

    /**
     * One row: its group (month "2026-03", a category code, a district), the cycles due, verified on time, verified
     * late, still open, 受检率 (null when nothing was due), verifications and passed, the pass rate.
     */
    public record Row(String group, long due, long onTime, long late, long open, BigDecimal rate, long verified,
            long passed, BigDecimal passRate) {
    }

    /** The figures, with their total and the median turnaround (days; null without certificates). */
    public record Figures(int year, LocalDate asOf, Grouping by, List<Row> rows, Row total,
            BigDecimal medianTurnaroundDays, long certificates) {
    }

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private LegalCatalogue catalogue;

    public Figures of(Query q) {
        LocalDate today = LocalDate.now(clock);
        if (q.year() < FIRST_YEAR || q.year() > today.getYear()) {
            // String.valueOf: MessageFormat would write the year 2026 as "2,026"
            throw new RefusedException("error.figures.year", String.valueOf(q.year()), String.valueOf(FIRST_YEAR),
                    String.valueOf(today.getYear()));
        }
        InputLimits.maxLength(q.category(), MAX_TEXT, "field.category");
        InputLimits.maxLength(q.district(), MAX_TEXT, "field.district");
        Grouping by = q.by() == null ? Grouping.MONTH : q.by();
        LocalDate from = LocalDate.of(q.year(), 1, 1);
        LocalDate end = LocalDate.of(q.year(), 12, 31);
        LocalDate closedUntil = end.isAfter(today) ? today : end;
        LocalDate openUntil = end.isBefore(today) ? end : today.minusDays(1);

        Map<String, long[]> cells = new TreeMap<>();
        // cycles closed by a verification (due in the year, up to today), and verifications made in the year with
        // how many passed: two queries, each answered from an index that holds every column it reads (V030)
        String closedGroup = switch (by) {
            case MONTH -> "extract(year from v.closedDue), extract(month from v.closedDue)";
            case CATEGORY -> "v.category";
            case DISTRICT -> "v.district";
        };
        // the year's dates as literals, not parameters: PostgreSQL then plans each query for the range it really
        // reads (a prepared statement's generic plan, chosen after five runs, cannot know that a year holds three
        // quarters of a million records, and read them row by row)
        StringBuilder where = new StringBuilder(" where v.closedDue between " + literal(from) + " and "
                + literal(closedUntil) + " and v.mandatory = true");
        Map<String, Object> p = new HashMap<>();
        filters(where, p, "v.category", "v.district", q);
        var closed = em.createQuery("select " + closedGroup + ", count(v), sum(case when v.verifiedOn <= v.closedDue"
                + " then 1 else 0 end) from VerificationRecord v" + where + " group by " + closedGroup, Object[].class);
        p.forEach(closed::setParameter);
        for (Object[] r : closed.getResultList()) {
            int n = r.length;
            long[] c = cells.computeIfAbsent(key(by, r, 0), k -> new long[5]);
            c[0] += ((Number) r[n - 2]).longValue();
            c[1] += ((Number) r[n - 1]).longValue();
        }
        String madeGroup = switch (by) {
            case MONTH -> "extract(year from v.verifiedOn), extract(month from v.verifiedOn)";
            case CATEGORY -> "v.category";
            case DISTRICT -> "v.district";
        };
        StringBuilder madeWhere = new StringBuilder(" where v.verifiedOn between " + literal(from) + " and "
                + literal(closedUntil) + " and v.mandatory = true");
        Map<String, Object> mp = new HashMap<>();
        filters(madeWhere, mp, "v.category", "v.district", q);
        var made = em.createQuery("select " + madeGroup + ", count(v), sum(case when v.passed = true then 1 else 0"
                + " end) from VerificationRecord v" + madeWhere + " group by " + madeGroup, Object[].class);
        mp.forEach(made::setParameter);
        for (Object[] r : made.getResultList()) {
            int n = r.length;
            long[] c = cells.computeIfAbsent(key(by, r, 0), k -> new long[5]);
            c[3] += ((Number) r[n - 2]).longValue();
            c[4] += ((Number) r[n - 1]).longValue();
        }
        // cycles still open and overdue
        java.util.Set<String> mandatory = catalogue.mandatoryCategories();
        if (!openUntil.isBefore(from) && !mandatory.isEmpty()) {
            String iGroup = switch (by) {
                case MONTH -> "extract(year from i.nextDueDate), extract(month from i.nextDueDate)";
                case CATEGORY -> "i.legalCategory";
                case DISTRICT -> "i.district";
            };
            // literals too: the status, and the catalogue's codes (letters, digits and "_" only, LegalCatalogue.CODE)
            StringBuilder openWhere = new StringBuilder(" where i.status = " + InstrumentStatus.class.getName() + "."
                    + InstrumentStatus.IN_SERVICE.name() + " and i.mandatoryVerification = true and i.legalCategory in ("
                    + mandatory.stream().sorted().map(c -> "'" + c + "'")
                            .collect(java.util.stream.Collectors.joining(", ")) + ") and i.nextDueDate between "
                    + literal(from) + " and " + literal(openUntil));
            Map<String, Object> op = new HashMap<>();
            filters(openWhere, op, "i.legalCategory", "i.district", q);
            var open = em.createQuery("select " + iGroup + ", count(i) from InstrumentUnderTest i" + openWhere
                    + " group by " + iGroup, Object[].class);
            op.forEach(open::setParameter);
            for (Object[] r : open.getResultList()) {
                cells.computeIfAbsent(key(by, r, 0), k -> new long[5])[2] += ((Number) r[r.length - 1]).longValue();
            }
        }
        List<Row> rows = new ArrayList<>();
        long[] total = new long[5];
        cells.forEach((group, c) -> {
            rows.add(row(group, c));
            for (int i = 0; i < 5; i++) {
                total[i] += c[i];
            }
        });
        // a job's turnaround ends with its first certificate; a corrected revision is not a second job
        List<Long> turnaround = em.createQuery("select c.issuedAt, j.createdAt from Certificate c join c.job j"
                        + " where c.revision = 0 and c.issuedAt >= :from and c.issuedAt < :to", Object[].class)
                .setParameter("from", from.atStartOfDay(clock.getZone()).toInstant())
                .setParameter("to", end.plusDays(1).atStartOfDay(clock.getZone()).toInstant())
                .getResultStream().map(r -> Duration.between((java.time.Instant) r[1], (java.time.Instant) r[0])
                        .toHours()).sorted().toList();
        BigDecimal median = turnaround.isEmpty() ? null : BigDecimal.valueOf(turnaround.size() % 2 == 1
                ? turnaround.get(turnaround.size() / 2) * 2
                : turnaround.get(turnaround.size() / 2 - 1) + turnaround.get(turnaround.size() / 2))
                .divide(BigDecimal.valueOf(48), 1, RoundingMode.HALF_UP);
        return new Figures(q.year(), today, by, rows, row("total", total), median, turnaround.size());
    }

    /** A date as a JPQL literal (JDBC escape syntax); only dates this class computed, never a caller's text. */
    private static String literal(LocalDate day) {
        return "{d '" + day + "'}";
    }

    private static void filters(StringBuilder where, Map<String, Object> p, String categoryPath, String districtPath,
            Query q) {
        if (q.category() != null && !q.category().isBlank()) {
            where.append(" and ").append(categoryPath).append(" = :category");
            p.put("category", q.category().strip());
        }
        if (q.district() != null && !q.district().isBlank()) {
            where.append(" and ").append(districtPath).append(" = :district");
            p.put("district", q.district().strip());
        }
    }

    /** The group's key from the row's columns starting at {@code at}. */
    private static String key(Grouping by, Object[] r, int at) {
        if (by == Grouping.MONTH) {
            return String.format("%04d-%02d", ((Number) r[at]).intValue(), ((Number) r[at + 1]).intValue());
        }
        return r[at] == null ? "—" : (String) r[at];
    }

    /** c: closed, closed on time, open, verifications, passed. */
    private static Row row(String group, long[] c) {
        long due = c[0] + c[2];
        return new Row(group, due, c[1], c[0] - c[1], c[2], percent(c[1], due), c[3], c[4], percent(c[4], c[3]));
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP);
    }
}
