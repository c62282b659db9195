package org.jiliang.lims.request;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.metrology.VerificationType;
import java.util.Locale;
import org.jiliang.lims.notice.CustomerMessages;
import org.jiliang.lims.notice.NoticeKind;
import org.jiliang.lims.order.IntakeService;
import org.jiliang.lims.order.JobState;
import org.jiliang.lims.order.MeasurementMethods;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.LikePattern;
import org.jiliang.lims.platform.Messages;
import org.jiliang.lims.platform.NumberSeries;
import org.jiliang.lims.platform.Paged;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.registry.InstrumentStatus;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.registry.RegistryCaller;

/**
 * Booking, deciding and following service requests. A customer's user books for their own customer's instruments
 * and sees their own customer's requests only: another's request, or another's instrument named in a booking, does
 * not exist for them (404), whatever its number or id. The intake desk sees every request and decides.
 */
@Stateless
public class ServiceRequests {

    public static final int MAX_PAGE = 200;
    /** Instruments in one request: a market's scales, a clinic's sphygmomanometers; more is a campaign. */
    public static final int MAX_ITEMS = 50;
    /** How far ahead a preferred day may lie. */
    public static final int MAX_DAYS_AHEAD = 366;
    public static final int MAX_TEXT = 100;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private RegistryCaller caller;
    @Inject
    private NumberSeries numbers;
    @Inject
    private IntakeService intake;
    @Inject
    private MeasurementMethods methods;
    @Inject
    private AuditTrail audit;
    @Inject
    private CustomerMessages messages;

    /** What a customer books. */
    public record Booking(List<Long> instrumentIds, LocalDate preferredDate, ServiceRequest.Place place,
            String note) {
    }

    /** The list's filter: state, and text in the number, the customer's code or name. */
    public record Query(ServiceRequest.State state, String text) {
    }

    /** The customer books: every instrument must be their own, in use, and not in another request still open. */
    @RolesAllowed(Roles.CUSTOMER)
    public ServiceRequestView book(Booking booking) {
        Customer own = caller.customer();
        if (own == null) {
            throw new RefusedException("error.request.customersOnly");
        }
        if (booking.instrumentIds() == null || booking.instrumentIds().isEmpty()) {
            throw new RefusedException("error.request.noInstruments");
        }
        Set<Long> ids = new LinkedHashSet<>(booking.instrumentIds());
        if (ids.contains(null)) {
            throw new RefusedException("error.request.noInstruments");
        }
        if (ids.size() > MAX_ITEMS) {
            throw new RefusedException("error.request.tooMany", ids.size(), MAX_ITEMS);
        }
        if (booking.place() == null) {
            throw new RefusedException("error.request.place");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate preferred = booking.preferredDate();
        if (preferred == null || preferred.isBefore(today) || preferred.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw new RefusedException("error.request.date", today, today.plusDays(MAX_DAYS_AHEAD));
        }
        String note = booking.note() == null || booking.note().isBlank() ? null : booking.note().strip();
        InputLimits.maxLength(note, ServiceRequest.MAX_NOTE, "field.note");

        List<InstrumentUnderTest> instruments = new ArrayList<>();
        for (Long id : ids) {
            InstrumentUnderTest instrument = em.find(InstrumentUnderTest.class, id);
            if (instrument == null || !instrument.customer().id().equals(own.id())) {
                throw new RefusedException("error.request.instrument.notFound", String.valueOf(id));
            }
            if (instrument.status() == InstrumentStatus.SCRAPPED) {
                throw new RefusedException("error.request.scrapped", instrument.serialNumber());
            }
            methods.forInstrumentKind(instrument.kind()); // an instrument no method takes cannot be booked
            openRequestOf(instrument).ifPresent(number -> {
                throw new RefusedException("error.request.alreadyBooked", instrument.serialNumber(), number);
            });
            instruments.add(instrument);
        }
        String number = String.format("SQ%d-%05d", today.getYear(), numbers.next("service-request", today.getYear()));
        String by = caller.username();
        ServiceRequest request = new ServiceRequest(number, own, booking.place(), preferred, note, by,
                clock.instant());
        instruments.forEach(request::add);
        em.persist(request);
        em.flush();
        audit.record(new AuditEvent(by, "request.booked", "ServiceRequest", number, null, null,
                instruments.size() + " × " + booking.place() + " " + preferred, note));
        return view(request);
    }

    /** One of the caller's own instruments as a booking lists it; another's does not exist for them. */
    @RolesAllowed(Roles.CUSTOMER)
    public ServiceRequestView.Item instrument(long id) {
        Customer own = caller.customer();
        InstrumentUnderTest instrument = em.find(InstrumentUnderTest.class, id);
        if (own == null || instrument == null || !instrument.customer().id().equals(own.id())) {
            throw new RefusedException("error.request.instrument.notFound", String.valueOf(id));
        }
        return item(instrument, null, Map.of());
    }

    /**
     * The caller's own instruments whose serial number is the text, or failing that whose serial number, asset
     * number or description contains it (at most {@code max}), to add to a booking.
     */
    @RolesAllowed(Roles.CUSTOMER)
    public List<ServiceRequestView.Item> findInstruments(String text, int max) {
        Customer own = caller.customer();
        if (own == null || text == null || text.isBlank()) {
            return List.of();
        }
        InputLimits.maxLength(text, MAX_TEXT, "field.text");
        List<InstrumentUnderTest> exact = em.createQuery("select i from InstrumentUnderTest i where i.customer.id"
                + " = :own and i.serialNumber = :serial", InstrumentUnderTest.class).setParameter("own", own.id())
                .setParameter("serial", text.strip()).setMaxResults(max).getResultList();
        List<InstrumentUnderTest> found = !exact.isEmpty() ? exact : em.createQuery("select i from"
                + " InstrumentUnderTest i where i.customer.id = :own and (lower(i.serialNumber) like :text"
                + " or lower(i.assetNumber) like :text or lower(i.description) like :text) order by i.id",
                InstrumentUnderTest.class).setParameter("own", own.id())
                .setParameter("text", LikePattern.containing(text.strip())).setMaxResults(max).getResultList();
        return found.stream().map(i -> item(i, null, Map.of())).toList();
    }

    /** Requests, newest first: a customer's user gets their own customer's only. */
    @RolesAllowed({Roles.CUSTOMER, Roles.INTAKE_CLERK, Roles.ADMINISTRATOR, Roles.QUALITY_MANAGER})
    public Paged<ServiceRequestView> page(Query query, int first, int max) {
        Paged.requirePage(first, max, MAX_PAGE);
        InputLimits.maxLength(query.text(), MAX_TEXT, "field.text");
        StringBuilder from = new StringBuilder("from ServiceRequest r join r.customer c where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        Customer own = caller.customer();
        if (own != null) {
            from.append(" and c.id = :own");
            parameters.put("own", own.id());
        }
        if (query.state() != null) {
            from.append(" and r.state = :state");
            parameters.put("state", query.state());
        }
        if (query.text() != null && !query.text().isBlank()) {
            from.append(" and (lower(r.number) like :text or lower(c.code) like :text or lower(c.name) like :text)");
            parameters.put("text", LikePattern.containing(query.text()));
        }
        return Paged.query(em, ServiceRequest.class, "r", "r", from.toString(), parameters, "r.id desc", first, max,
                this::view);
    }

    /** One request by its number; another customer's does not exist for a customer's user. */
    @RolesAllowed({Roles.CUSTOMER, Roles.INTAKE_CLERK, Roles.ADMINISTRATOR, Roles.QUALITY_MANAGER})
    public ServiceRequestView request(String number) {
        return view(visible(number));
    }

    /**
     * The desk accepts: each instrument is received into a job (the verification type the desk names, for
     * instruments verified; none for those calibrated), planned for the day the desk chooses — the customer's
     * preferred day if it names none — at the lab or on the instrument's site.
     */
    @RolesAllowed(Roles.INTAKE_CLERK)
    public ServiceRequestView accept(String number, VerificationType type, LocalDate plannedDate,
            Long expectedVersion) {
        ServiceRequest request = locked(number, expectedVersion);
        LocalDate today = LocalDate.now(clock);
        LocalDate planned = plannedDate == null ? request.preferredDate() : plannedDate;
        if (planned.isBefore(today) || planned.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw new RefusedException("error.request.date", today, today.plusDays(MAX_DAYS_AHEAD));
        }
        VerificationType jobType = type == null ? VerificationType.SUBSEQUENT : type;
        request.accept(caller.username(), clock.instant(), planned);
        boolean onSite = request.place() == ServiceRequest.Place.ON_SITE;
        StringBuilder jobs = new StringBuilder();
        for (ServiceRequestItem item : request.items()) {
            InstrumentUnderTest instrument = item.instrument();
            if (instrument.status() == InstrumentStatus.SCRAPPED) {
                throw new RefusedException("error.request.scrapped", instrument.serialNumber());
            }
            long jobId = intake.receive(instrument.id(), jobType).id();
            VerificationJob job = em.find(VerificationJob.class, jobId);
            job.planFor(planned, onSite, onSite ? instrument.location() : null);
            item.receivedInto(job);
            jobs.append(jobs.isEmpty() ? "" : ", ").append(job.jobNumber());
        }
        audit.record(new AuditEvent(caller.username(), "request.accepted", "ServiceRequest", number,
                null, ServiceRequest.State.SUBMITTED.name(), ServiceRequest.State.ACCEPTED + " " + planned + ": " + jobs,
                null));
        return view(request);
    }

    /** The desk declines, with a reason the customer reads. */
    @RolesAllowed(Roles.INTAKE_CLERK)
    public ServiceRequestView decline(String number, String reason, Long expectedVersion) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2) {
            throw new RefusedException("error.request.reason");
        }
        InputLimits.maxLength(why, ServiceRequest.MAX_REASON, "field.reason");
        ServiceRequest request = locked(number, expectedVersion);
        request.decline(caller.username(), clock.instant(), why);
        audit.record(new AuditEvent(caller.username(), "request.declined", "ServiceRequest", number, null,
                ServiceRequest.State.SUBMITTED.name(), ServiceRequest.State.DECLINED.name(), why));
        tell(request, "message.requestDeclined", locale -> new Object[] {number, why});
        return view(request);
    }

    /** The customer withdraws their own request while the desk has not decided yet. */
    @RolesAllowed(Roles.CUSTOMER)
    public ServiceRequestView cancel(String number, Long expectedVersion) {
        ServiceRequest request = locked(number, expectedVersion);
        request.cancel(caller.username(), clock.instant());
        audit.record(new AuditEvent(caller.username(), "request.cancelled", "ServiceRequest", number, null,
                ServiceRequest.State.SUBMITTED.name(), ServiceRequest.State.CANCELLED.name(), null));
        return view(request);
    }

    /** The customer's message of the decision (issue 14). */
    private void tell(ServiceRequest request, String key, java.util.function.Function<Locale, Object[]> arguments) {
        messages.give(request.customer(), NoticeKind.REQUEST_DECIDED, request.number(), key, arguments);
    }

    /** The request, if the caller may see it: staff any, a customer's user their own customer's. */
    private ServiceRequest visible(String number) {
        return find(number, LockModeType.NONE);
    }

    /**
     * The request row-locked (read first with the lock, so a second decision at the same time waits and then sees
     * the first), at the version the caller saw.
     */
    private ServiceRequest locked(String number, Long expectedVersion) {
        ServiceRequest request = find(number, LockModeType.PESSIMISTIC_WRITE);
        if (expectedVersion != null && expectedVersion != request.version()) {
            throw new RefusedException("error.request.changed", number);
        }
        return request;
    }

    private ServiceRequest find(String number, LockModeType lock) {
        if (number == null || number.length() > 20) {
            throw new RefusedException("error.request.notFound", String.valueOf(number));
        }
        ServiceRequest request = em.createQuery("select r from ServiceRequest r where r.number = :n",
                ServiceRequest.class).setParameter("n", number).setLockMode(lock).getResultStream().findFirst()
                .orElseThrow(() -> new RefusedException("error.request.notFound", number));
        Customer own = caller.customer();
        if (own != null && !own.id().equals(request.customer().id())) {
            throw new RefusedException("error.request.notFound", number);
        }
        return request;
    }

    /** The number of a request still open (submitted, or accepted with a job not yet done) for this instrument. */
    private java.util.Optional<String> openRequestOf(InstrumentUnderTest instrument) {
        return em.createQuery("select r.number from ServiceRequestItem i join i.request r left join i.job j"
                + " where i.instrument = :instrument and (r.state = :submitted or (r.state = :accepted and j.state in"
                + " :open))", String.class)
                .setParameter("instrument", instrument)
                .setParameter("submitted", ServiceRequest.State.SUBMITTED)
                .setParameter("accepted", ServiceRequest.State.ACCEPTED)
                .setParameter("open", List.of(JobState.RECEIVED, JobState.ASSIGNED, JobState.IN_PROGRESS,
                        JobState.MEASURED, JobState.CHECKED, JobState.APPROVED))
                .setMaxResults(1).getResultStream().findFirst();
    }

    private ServiceRequestView view(ServiceRequest r) {
        List<Long> jobIds = r.items().stream().filter(i -> i.job() != null).map(i -> i.job().id()).toList();
        Map<Long, String> certificates = new HashMap<>();
        if (!jobIds.isEmpty()) {
            // the certificate in force of each job: the latest revision (none supersedes it)
            em.createQuery("select c.job.id, c.number from Certificate c where c.job.id in :jobs and not exists"
                    + " (select s.id from Certificate s where s.supersedes = c)", Object[].class)
                    .setParameter("jobs", jobIds).getResultList()
                    .forEach(row -> certificates.put((Long) row[0], (String) row[1]));
        }
        List<ServiceRequestView.Item> items = r.items().stream().map(i -> item(i.instrument(), i.job(), certificates))
                .toList();
        return new ServiceRequestView(r.id(), r.number(), r.customer().code(), r.customer().name(), r.place(),
                r.preferredDate(), r.note(), r.requestedBy(), r.requestedAt(), r.state(), stage(r), r.decidedBy(),
                r.decidedAt(), r.plannedDate(), r.declineReason(), r.version(), items);
    }

    private ServiceRequestView.Item item(InstrumentUnderTest instrument, VerificationJob job,
            Map<Long, String> certificates) {
        // what its kind's method does; NONE for a kind no deployed method takes (it cannot be booked)
        String service = methods.all().stream().filter(m -> m.instrumentKind().equals(instrument.kind())).findFirst()
                .map(m -> m.verification() ? "VERIFICATION" : "CALIBRATION").orElse("NONE");
        return new ServiceRequestView.Item(instrument.id(), instrument.description(), instrument.serialNumber(),
                instrument.legalCategory(), instrument.nextDueDate(), service, job == null ? null : job.jobNumber(),
                job == null ? null : job.state().name(), job == null ? null : certificates.get(job.id()));
    }

    private static ServiceRequestView.Stage stage(ServiceRequest r) {
        return switch (r.state()) {
            case SUBMITTED -> ServiceRequestView.Stage.SUBMITTED;
            case DECLINED -> ServiceRequestView.Stage.DECLINED;
            case CANCELLED -> ServiceRequestView.Stage.CANCELLED;
            case ACCEPTED -> {
                boolean allDone = r.items().stream().allMatch(i -> i.job().state() == JobState.CERTIFICATE_ISSUED
                        || i.job().state() == JobState.RETURNED);
                boolean started = r.items().stream().anyMatch(i -> i.job().state() != JobState.RECEIVED
                        && i.job().state() != JobState.ASSIGNED);
                yield allDone ? ServiceRequestView.Stage.COMPLETED
                        : started ? ServiceRequestView.Stage.IN_WORK : ServiceRequestView.Stage.ACCEPTED;
            }
        };
    }
}
