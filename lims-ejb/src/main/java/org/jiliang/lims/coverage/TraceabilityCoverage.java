package org.jiliang.lims.coverage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.Texts;
import org.jiliang.lims.standard.MeasurementStandard;
import org.jiliang.lims.standard.StandardStatus;

/**
 * The policy's first target (issue 15): the share of the region's traceability needs the institute's valid standards
 * cover ({@link CoverageRule}). The register of needs and the standards' measuring ranges are kept by the quality
 * manager; the coverage is computed from today's standards each time it is asked for.
 */
@Stateless
@RolesAllowed({Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR, Roles.INTAKE_CLERK})
public class TraceabilityCoverage {

    /** A range's ends: at most 10 digits before the point and 9 after (the columns' numeric(19, 9)). */
    static final int INTEGER_DIGITS = 10;
    static final int FRACTION_DIGITS = 9;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AuditTrail audit;

    /** A need and how today's valid standards cover it: which reach into it, and the parts none reaches. */
    public record NeedView(long id, String description, String range, String district, String source,
            boolean covered, List<String> standards, List<String> gaps) {
    }

    /** A standard's measuring range (null: not recorded) and whether it counts today (valid, not suspended). */
    public record StandardRange(String code, String name, String range, StandardStatus status, boolean counts) {
    }

    /**
     * The needs of a district (with the region's) or of the whole region, each with its coverage, and the share
     * covered in percent (one decimal, half up; null when no need is registered).
     */
    public record Figure(String district, LocalDate asOf, int needs, int covered, BigDecimal percent,
            List<NeedView> rows) {
    }

    /** The coverage today of the needs of {@code district} and of the whole region; all needs for null. */
    public Figure figure(String district) {
        LocalDate today = LocalDate.now(clock);
        List<Span> ranges = validRanges(today);
        var needs = em.createQuery("select n from TraceabilityNeed n where n.retiredAt is null"
                + (district == null ? "" : " and (n.district is null or n.district = :d)")
                + " order by n.description, n.id", TraceabilityNeed.class);
        if (district != null) {
            needs.setParameter("d", district);
        }
        List<NeedView> rows = needs.getResultStream().map(n -> view(n, ranges)).toList();
        int covered = (int) rows.stream().filter(NeedView::covered).count();
        BigDecimal percent = rows.isEmpty() ? null : BigDecimal.valueOf(covered * 100L)
                .divide(BigDecimal.valueOf(rows.size()), 1, RoundingMode.HALF_UP);
        return new Figure(district, today, rows.size(), covered, percent, rows);
    }

    /** Every standard with its measuring range and whether it counts today. */
    public List<StandardRange> standards() {
        LocalDate today = LocalDate.now(clock);
        return em.createQuery("select s from MeasurementStandard s order by s.code", MeasurementStandard.class)
                .getResultStream().map(s -> new StandardRange(s.code(), s.name(),
                        s.measuringRange().map(r -> r.get(0) + " – " + r.get(1)).orElse(null), s.statusOn(today),
                        s.statusOn(today).usable() && s.measuringRange().isPresent())).toList();
    }

    /** Registers a need of the region (district null) or of a district. */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public NeedView register(String description, BigDecimal lower, BigDecimal upper, String unit, String district,
            String source) {
        String what = Texts.required(description, TraceabilityNeed.MAX_DESCRIPTION, "error.coverage.description");
        String from = Texts.required(source, TraceabilityNeed.MAX_SOURCE, "error.coverage.source");
        String where = district == null || district.isBlank() ? null : district.strip();
        InputLimits.maxLength(where, 60, "field.district");
        TraceabilityNeed need = new TraceabilityNeed(what, range(lower, upper, unit, what), where, from,
                currentUser.username(), clock.instant());
        em.persist(need);
        em.flush();
        record("coverage.needRegistered", "TraceabilityNeed", need.id().toString(), null, need.describe());
        return view(need, validRanges(LocalDate.now(clock)));
    }

    /** Retires a need, with the reason: it no longer counts. */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public void retire(long id, String reason) {
        TraceabilityNeed need = em.find(TraceabilityNeed.class, id);
        if (need == null || need.retired()) {
            throw new RefusedException("error.coverageNeed.notFound", String.valueOf(id));
        }
        String why = Texts.required(reason, TraceabilityNeed.MAX_REASON, "error.coverage.reason");
        String before = need.describe();
        need.retire(currentUser.username(), clock.instant(), why);
        record("coverage.needRetired", "TraceabilityNeed", need.id().toString(), before, need.describe());
    }

    /** Records a standard's measuring range (测量范围) as its assessment certificate states it. */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public StandardRange measuringRange(String code, BigDecimal lower, BigDecimal upper, String unit) {
        MeasurementStandard s = em.createQuery("select s from MeasurementStandard s where s.code = :c",
                MeasurementStandard.class).setParameter("c", code).getResultStream().findFirst()
                .orElseThrow(() -> new RefusedException("error.standard.notFound", code));
        Span range = range(lower, upper, unit, code);
        String before = s.measuringRange().map(r -> r.get(0) + " – " + r.get(1)).orElse("none");
        s.measuringRange(range.lower(), range.upper());
        record("standard.rangeRecorded", "MeasurementStandard", code, before, range.toString());
        LocalDate today = LocalDate.now(clock);
        return new StandardRange(s.code(), s.name(), range.toString(), s.statusOn(today), s.statusOn(today).usable());
    }

    private Span range(BigDecimal lower, BigDecimal upper, String unitSymbol, String source) {
        Unit unit = Units.find(unitSymbol == null ? "" : unitSymbol.strip())
                .orElseThrow(() -> new RefusedException("error.coverage.unit", String.valueOf(unitSymbol)));
        for (BigDecimal end : new BigDecimal[] {lower, upper}) {
            if (end == null || !InputLimits.fits(end, INTEGER_DIGITS, FRACTION_DIGITS)) {
                throw new RefusedException("error.coverage.end", String.valueOf(end), INTEGER_DIGITS, FRACTION_DIGITS);
            }
        }
        if (lower.compareTo(upper) > 0) {
            throw new RefusedException("error.coverage.order", lower.toPlainString(), upper.toPlainString(),
                    unit.symbol());
        }
        return new Span(new Quantity(lower, unit), new Quantity(upper, unit), source);
    }

    /** The measuring ranges of the standards usable today. */
    private List<Span> validRanges(LocalDate today) {
        return em.createQuery("select s from MeasurementStandard s where s.rangeUnit is not null",
                        MeasurementStandard.class).getResultStream().filter(s -> s.statusOn(today).usable())
                .map(s -> {
                    List<Quantity> r = s.measuringRange().orElseThrow();
                    return new Span(r.get(0), r.get(1), s.code());
                }).toList();
    }

    private static NeedView view(TraceabilityNeed n, List<Span> ranges) {
        CoverageRule.Coverage c = CoverageRule.of(n.range(), ranges);
        return new NeedView(n.id(), n.description(), n.range().toString(), n.district(), n.source(), c.covered(),
                c.standards(), c.gaps().stream().map(Span::toString).toList());
    }

    private void record(String action, String type, String id, String before, String after) {
        audit.record(new AuditEvent(currentUser.username(), action, type, id, null, before, after, null));
    }
}
