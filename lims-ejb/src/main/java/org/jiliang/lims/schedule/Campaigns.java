package org.jiliang.lims.schedule;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.order.IntakeService;
import org.jiliang.lims.order.JobState;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.Paged;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.Texts;
import org.jiliang.lims.registry.InstrumentStatus;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.registry.LegalCatalogue;
import org.jiliang.lims.registry.RegistryCaller;
import org.jiliang.lims.certificate.Certificate;

/**
 * Campaigns (issue 12): the clerk selects instruments by category, district, site and due date, sees what the
 * selection holds, and creates the campaign, which opens a job for each in one transaction (planned for the day, on
 * site or at the lab); then follows it: planned, done, passed, failed, not found.
 */
@Stateless
@RolesAllowed({Roles.INTAKE_CLERK, Roles.ADMINISTRATOR, Roles.QUALITY_MANAGER})
public class Campaigns {

    /** Instruments a campaign may hold: a larger selection is refused, to be narrowed. */
    public static final int MAX_INSTRUMENTS = 2000;
    public static final int MAX_PAGE = 1000;
    private static final List<JobState> FINISHED = List.of(JobState.CERTIFICATE_ISSUED, JobState.RETURNED);

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private IntakeService intake;
    @Inject
    private LegalCatalogue catalogue;
    @Inject
    private AuditTrail audit;
    @Inject
    private RegistryCaller caller;
    @Inject
    private Clock clock;

    /** What a campaign selects and plans; district and site may be null (any). */
    public record Details(String name, String category, String district, String site, LocalDate dueUntil,
            LocalDate plannedDate, boolean onSite, String location) {
    }

    /** How far a campaign is: its instruments, of them done (passed, failed), not found, without a job. */
    public record Progress(long instruments, long planned, long done, long passed, long failed, long notFound,
            long withoutJob) {
    }

    public record CampaignView(long id, String name, String category, String district, String site,
            LocalDate dueUntil, LocalDate plannedDate, boolean onSite, String location, String createdBy,
            Instant createdAt, Progress progress) {
    }

    public record ItemView(long instrumentId, String owner, String serialNumber, String site, String jobNumber,
            String jobState, String result, String notFoundReason) {
    }

    /** The instruments a campaign with these details would hold now (their count; the first rows). */
    public record Selection(long count, List<ItemView> first) {
    }

    public Selection preview(Details d) {
        Details checked = check(d);
        long count = selection(checked, "count(i)", Long.class).getSingleResult();
        List<ItemView> first = selection(checked, "i", InstrumentUnderTest.class).setMaxResults(20).getResultStream()
                .map(i -> new ItemView(i.id(), i.customer().name(), i.serialNumber(),
                        i.site() == null ? null : i.site().name(), null, null, null, null)).toList();
        return new Selection(count, first);
    }

    public CampaignView create(Details d) {
        Details checked = check(d);
        long count = selection(checked, "count(i)", Long.class).getSingleResult();
        if (count == 0) {
            throw new RefusedException("error.campaign.empty", checked.name());
        }
        if (count > MAX_INSTRUMENTS) {
            throw new RefusedException("error.campaign.tooMany", count, MAX_INSTRUMENTS);
        }
        List<Long> ids = selection(checked, "i.id", Long.class).getResultList();
        Campaign campaign = new Campaign(checked, caller.username(), clock.instant());
        em.persist(campaign);
        int jobs = 0;
        for (long id : ids) {
            InstrumentUnderTest instrument = em.find(InstrumentUnderTest.class, id);
            VerificationJob job = null;
            if (!InstrumentUnderTest.KIND_OTHER.equals(instrument.kind())) {
                var view = intake.receive(id, org.jiliang.lims.metrology.VerificationType.SUBSEQUENT);
                job = em.find(VerificationJob.class, view.id());
                job.planFor(checked.plannedDate(), checked.onSite(), checked.location());
                jobs++;
            }
            em.persist(new CampaignItem(campaign, instrument, job));
        }
        em.flush();
        audit.record(new AuditEvent(caller.username(), "campaign.created", "Campaign", campaign.id().toString(),
                null, null, checked.name() + ": " + ids.size() + " instruments of " + checked.category()
                        + (checked.district() == null ? "" : " in " + checked.district())
                        + (checked.site() == null ? "" : " at " + checked.site()) + " due by " + checked.dueUntil()
                        + ", " + jobs + " jobs planned for " + checked.plannedDate()
                        + (checked.onSite() ? " on site" : " at the lab"), null));
        return view(campaign);
    }

    public CampaignView campaign(long id) {
        return view(find(id));
    }

    public Paged<CampaignView> page(int first, int max) {
        Paged.requirePage(first, max, MAX_PAGE);
        return Paged.query(em, Campaign.class, "c", "c", "from Campaign c", Map.of(), "c.id desc", first, max,
                this::view);
    }

    public Paged<ItemView> items(long id, int first, int max) {
        Paged.requirePage(first, max, MAX_PAGE);
        Campaign campaign = find(id);
        return Paged.query(em, Object[].class, "i.id, o.name, i.serialNumber, s.name, j.jobNumber, j.state,"
                        + " cert, ci.notFoundReason", "ci", "from CampaignItem ci join ci.instrument i"
                        + " join i.customer o left join i.site s left join ci.job j"
                        + " left join Certificate cert on cert.job = j where ci.campaign = :c", Map.of("c", campaign),
                "o.name, i.id", first, max, r -> new ItemView((Long) r[0], (String) r[1], (String) r[2],
                        (String) r[3], (String) r[4], r[5] == null ? null : r[5].toString(),
                        r[6] == null ? null : ((Certificate) r[6]).kindName(), (String) r[7]));
    }

    /** The technician did not find the instrument at the site: recorded with the reason, counted as not found. */
    @RolesAllowed({Roles.INTAKE_CLERK, Roles.ADMINISTRATOR, Roles.TECHNICIAN})
    public CampaignView notFound(long id, long instrumentId, String reason) {
        Campaign campaign = find(id);
        String why = Texts.required(reason, 300, "error.campaign.notFoundReason");
        CampaignItem item = em.createQuery("select ci from CampaignItem ci where ci.campaign = :c"
                        + " and ci.instrument.id = :i", CampaignItem.class)
                .setParameter("c", campaign).setParameter("i", instrumentId).getResultStream().findFirst()
                .orElseThrow(() -> new RefusedException("error.campaign.noSuchItem", instrumentId, campaign.name()));
        item.notFound(why);
        audit.record(new AuditEvent(caller.username(), "campaign.notFound", "Campaign", campaign.id().toString(),
                null, null, "instrument " + instrumentId + " not found", why));
        return view(campaign);
    }

    private Campaign find(long id) {
        Campaign campaign = em.find(Campaign.class, id);
        if (campaign == null) {
            throw new RefusedException("error.campaign.notFound", id);
        }
        return campaign;
    }

    private Details check(Details d) {
        String name = Texts.required(d.name(), 200, "error.campaign.name");
        String category = d.category() == null ? "" : d.category().strip();
        if (catalogue.current(category).isEmpty()) {
            throw new RefusedException("error.instrument.unknownCategory", category, String.join(", ",
                    catalogue.inForce(LocalDate.now(clock)).stream().map(c -> c.code()).toList()));
        }
        String district = blankToNull(d.district());
        String site = blankToNull(d.site());
        String location = blankToNull(d.location());
        InputLimits.maxLength(district, 60, "field.district");
        InputLimits.maxLength(site, 200, "field.site");
        InputLimits.maxLength(location, 200, "field.location");
        LocalDate today = LocalDate.now(clock);
        if (d.dueUntil() == null) {
            throw new RefusedException("error.campaign.dueUntil");
        }
        if (d.plannedDate() == null || d.plannedDate().isBefore(today) || d.plannedDate().isAfter(today.plusYears(1))) {
            throw new RefusedException("error.campaign.plannedDate", d.plannedDate(), today, today.plusYears(1));
        }
        if (d.onSite() && location == null && site == null) {
            throw new RefusedException("error.campaign.location");
        }
        return new Details(name, category, district, site, d.dueUntil(), d.plannedDate(), d.onSite(),
                location != null ? location : site);
    }

    private <T> jakarta.persistence.TypedQuery<T> selection(Details d, String selected, Class<T> type) {
        StringBuilder q = new StringBuilder("select " + selected + " from InstrumentUnderTest i join i.customer c"
                + " left join i.site s where i.status = :inService and i.legalCategory = :category"
                + " and i.nextDueDate <= :dueUntil and not exists (select j.id from VerificationJob j"
                + " where j.instrument = i and j.state not in :finished)");
        Map<String, Object> p = new HashMap<>(Map.of("inService", InstrumentStatus.IN_SERVICE, "category",
                d.category(), "dueUntil", d.dueUntil(), "finished", FINISHED));
        if (d.district() != null) {
            q.append(" and i.district = :district");
            p.put("district", d.district());
        }
        if (d.site() != null) {
            q.append(" and s.name = :site");
            p.put("site", d.site());
        }
        if (!selected.startsWith("count")) {
            q.append(" order by c.code, i.id");
        }
        var query = em.createQuery(q.toString(), type);
        p.forEach(query::setParameter);
        return query;
    }

    private CampaignView view(Campaign c) {
        long total = 0;
        long notFound = 0;
        long passed = 0;
        long failed = 0;
        long withoutJob = 0;
        for (Object[] r : em.createQuery("select ci.notFoundReason, j.id, cert from CampaignItem ci left join ci.job j"
                        + " left join Certificate cert on cert.job = j where ci.campaign = :c", Object[].class)
                .setParameter("c", c).getResultList()) {
            total++;
            Certificate certificate = (Certificate) r[2];
            if (r[0] != null) {
                notFound++;
            } else if (certificate != null && certificate.passedVerification()) {
                passed++;
            } else if (certificate != null && certificate.failedVerification()) {
                failed++;
            }
            if (r[1] == null) {
                withoutJob++;
            }
        }
        long done = passed + failed;
        Progress progress = new Progress(total, total - done - notFound, done, passed, failed, notFound, withoutJob);
        return new CampaignView(c.id(), c.name(), c.category(), c.district(), c.site(), c.dueUntil(),
                c.plannedDate(), c.onSite(), c.location(), c.createdBy(), c.createdAt(), progress);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
