package org.jiliang.lims.fee;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jiliang.lims.platform.ClockProducer;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;

/**
 * The free-verification report for the finance department (issue 15): per programme, district and month, the jobs
 * done free of charge and the fees waived, as decided when each job was received.
 *
 * <p>A job counts in the month its first document was issued (the certificate or the notice of failure: a failed
 * verification is work done too), in the institute's time zone; a corrected revision does not count it again. The
 * amount is the price list's at intake; a job whose category has no price counts with nothing waived and is shown
 * as unpriced, so the finance department sees the gap rather than a silent zero.
 */
@Stateless
@RolesAllowed({Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR})
public class FreeVerificationReport {

    public static final int FIRST_YEAR = 2000;
    private static final BigDecimal NOTHING = new BigDecimal("0.00");

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;

    /**
     * One line: jobs of a programme in a district (null: not recorded) finished in a month ("2026-03"; null in a
     * total over months).
     *
     * @param jobs     jobs whose first document was issued in the month
     * @param waived   the fees waived, in yuan (CNY)
     * @param unpriced of {@code jobs}, those whose category the price list has no price for
     */
    public record Line(String programme, String district, String month, long jobs, BigDecimal waived,
            long unpriced) {
    }

    /** The year's lines (programme, district, month), each programme's total, and the year's. */
    public record Report(int year, LocalDate asOf, List<Line> lines, List<Line> programmes, Line total) {
    }

    public Report of(int year) {
        LocalDate today = LocalDate.now(clock);
        if (year < FIRST_YEAR || year > today.getYear()) {
            throw new RefusedException("error.figures.year", String.valueOf(year), String.valueOf(FIRST_YEAR),
                    String.valueOf(today.getYear()));
        }
        var zone = ClockProducer.INSTITUTE_ZONE;
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant until = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        List<Object[]> done = em.createQuery("select j.feeProgramme, j.feeDistrict, c.issuedAt, j.feeAmount"
                        + " from Certificate c join c.job j where c.revision = 0 and j.feeWaived = true"
                        + " and c.issuedAt >= :from and c.issuedAt < :until", Object[].class)
                .setParameter("from", from).setParameter("until", until).getResultList();
        Map<Key, Line> lines = new TreeMap<>(Key.ORDER);
        for (Object[] row : done) {
            Key key = new Key((String) row[0], (String) row[1], YearMonth.from(((Instant) row[2]).atZone(zone)));
            BigDecimal amount = (BigDecimal) row[3];
            lines.merge(key, new Line(key.programme(), key.district(), key.month().toString(), 1,
                    amount == null ? NOTHING : amount, amount == null ? 1 : 0), FreeVerificationReport::add);
        }
        Map<String, Line> programmes = new TreeMap<>();
        Line total = new Line(null, null, null, 0, NOTHING, 0);
        for (Line l : lines.values()) {
            programmes.merge(l.programme(), new Line(l.programme(), null, null, l.jobs(), l.waived(), l.unpriced()),
                    FreeVerificationReport::add);
            total = add(total, l);
        }
        return new Report(year, today, List.copyOf(lines.values()), List.copyOf(programmes.values()), total);
    }

    /** A line's programme, district and month, ordered so; a district not recorded last. */
    private record Key(String programme, String district, YearMonth month) {

        static final Comparator<Key> ORDER = Comparator.comparing(Key::programme)
                .thenComparing(Key::district, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Key::month);
    }

    private static Line add(Line a, Line b) {
        // a sum's programme, district and month are the parts' when they agree (a programme's total has no month)
        return new Line(Objects.equals(a.programme(), b.programme()) ? a.programme() : null,
                Objects.equals(a.district(), b.district()) ? a.district() : null,
                Objects.equals(a.month(), b.month()) ? a.month() : null, a.jobs() + b.jobs(),
                a.waived().add(b.waived()), a.unpriced() + b.unpriced());
    }
}
