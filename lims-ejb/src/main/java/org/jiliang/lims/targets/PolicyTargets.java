package org.jiliang.lims.targets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jiliang.lims.certificate.InspectedLots;
import org.jiliang.lims.coverage.TraceabilityCoverage;
import org.jiliang.lims.fee.FreeVerificationReport;
import org.jiliang.lims.integrity.IntegrityRecords;
import org.jiliang.lims.metrology.CsvResource;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.schedule.ComplianceFigures;

/**
 * Every target of the municipal policy on one page (issue 15), for a year and the whole region or one district,
 * each figure against its threshold ({@value #RESOURCE}) and computed by the service that owns its records, so the
 * page's figure and the records it drills down to are the same count.
 */
@Stateless
@RolesAllowed({Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR})
public class PolicyTargets {

    static final String RESOURCE = "targets/targets.csv";

    /**
     * A target as the policy states it; {@code threshold} null: a count is reported, no figure is set; {@code records}
     * the page listing what it counts ({@code {year}} stands for the year shown).
     */
    public record Target(String code, String nameZh, String nameEn, BigDecimal threshold, String records) {
    }

    /**
     * A target's figure: {@code value} (percent, or a count), how many records it counts over ({@code of}, the
     * denominator, or null), whether it meets the threshold (null: no threshold, or nothing to count), and, when
     * it cannot be counted yet, why ({@code unmeasured}, a message key).
     */
    public record Figure(Target target, BigDecimal value, Long counted, Long of, Boolean met, String unmeasured) {
    }

    public record Dashboard(int year, String district, List<Figure> figures) {
    }

    private static final List<Target> TARGETS = CsvResource.load(RESOURCE).requireMetadata("source").rows().stream()
            .map(r -> new Target(r.text("target"), r.text("name_zh"), r.text("name_en"), r.decimalOrNull("threshold"),
                    r.text("records")))
            .toList();

    @Inject
    private TraceabilityCoverage coverage;
    @Inject
    private ComplianceFigures compliance;
    @Inject
    private FreeVerificationReport freeVerification;
    @Inject
    private IntegrityRecords integrity;
    @Inject
    private Clock clock;
    @Inject
    private InspectedLots lots;

    /** The targets for {@code year}, for one district or (null) the whole region. */
    public Dashboard of(int year, String district) {
        Map<String, Target> targets = TARGETS.stream().collect(Collectors.toMap(Target::code, Function.identity()));
        List<Figure> figures = new ArrayList<>();

        int now = LocalDate.now(clock).getYear();
        if (year < ComplianceFigures.FIRST_YEAR || year > now) {
            throw new RefusedException("error.figures.year", String.valueOf(year),
                    String.valueOf(ComplianceFigures.FIRST_YEAR), String.valueOf(now));
        }
        // coverage and good standing are today's (from today's standards and records): a past year's are not kept
        boolean thisYear = year == now;
        if (thisYear) {
            TraceabilityCoverage.Figure c = coverage.figure(district);
            figures.add(rate(targets.get("COVERAGE"), c.percent(), c.covered(), c.needs()));
        } else {
            figures.add(new Figure(targets.get("COVERAGE"), null, null, null, null, "targets.unmeasured.today"));
        }

        ComplianceFigures.Figures f = compliance.of(new ComplianceFigures.Query(year, ComplianceFigures.Grouping.DISTRICT,
                null, district));
        ComplianceFigures.Row row = f.total();
        figures.add(rate(targets.get("VERIFICATION_RATE"), row.rate(), row.onTime(), row.due()));

        figures.add(netContent(targets.get("NET_CONTENT_PASS_RATE"), year, district));

        long free = freeVerification.of(year).lines().stream()
                .filter(l -> district == null || district.equals(l.district()))
                .mapToLong(FreeVerificationReport.Line::jobs).sum();
        figures.add(count(targets.get("FREE_VERIFICATION"), free));

        if (thisYear) {
            long standing = integrity.goodStanding().stream()
                    .filter(e -> district == null || district.equals(e.district())).count();
            figures.add(count(targets.get("INTEGRITY"), standing));
        } else {
            figures.add(new Figure(targets.get("INTEGRITY"), null, null, null, null, "targets.unmeasured.today"));
        }
        return new Dashboard(year, district, figures);
    }

    /**
     * Lots of prepackages whose inspection report was issued in the year (first issue, institute time zone; a revision
     * does not count again), in the trader's district: the share that passed. None: not counted, and said so.
     */
    private Figure netContent(Target t, int year, String district) {
        var zone = org.jiliang.lims.platform.ClockProducer.INSTITUTE_ZONE;
        InspectedLots.Count count = lots.issued(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant(),
                LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant(), district);
        if (count.lots() == 0) {
            return new Figure(t, null, 0L, 0L, null, "targets.unmeasured.netContent");
        }
        return rate(t, BigDecimal.valueOf(count.passed() * 100).divide(BigDecimal.valueOf(count.lots()), 1,
                java.math.RoundingMode.HALF_UP), count.passed(), count.lots());
    }

    /** Every target, as the policy states it. */
    public List<Target> targets() {
        return TARGETS;
    }

    private static Figure rate(Target t, BigDecimal percent, long counted, long of) {
        if (percent == null) {
            return new Figure(t, null, counted, of, null, "targets.unmeasured.nothing");
        }
        return new Figure(t, percent, counted, of, t.threshold() == null ? null : percent.compareTo(t.threshold()) >= 0,
                null);
    }

    private static Figure count(Target t, long n) {
        return new Figure(t, BigDecimal.valueOf(n), n, null, null, null);
    }
}
