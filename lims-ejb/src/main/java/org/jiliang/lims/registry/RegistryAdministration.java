package org.jiliang.lims.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.metrology.AccuracyClass;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.ScaleParameters;
import org.jiliang.lims.metrology.weight.WeightCalibrationProcedure;
import org.jiliang.lims.metrology.weight.WeightClass;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Texts;

/**
 * Customers and their instruments, registered and corrected at the front desk (intake clerk) or by an
 * administrator. Every change is in the audit trail with the record before and after.
 */
@Stateless
@RolesAllowed({Roles.ADMINISTRATOR, Roles.INTAKE_CLERK})
public class RegistryAdministration {

    public static final Pattern CUSTOMER_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    /** Interval of periodic verification or recalibration, in months: at most ten years. */
    public static final int MAX_INTERVAL_MONTHS = 120;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private RegistryCaller caller;
    @Inject
    private AuditTrail audit;
    @Inject
    private LegalCatalogue catalogue;
    @Inject
    private DuePlanner planner;
    @Inject
    private java.time.Clock clock;

    /** instrument_under_test.asset_number, .last_certificate. */
    public static final int MAX_ASSET = 60;
    public static final int MAX_CERTIFICATE = 60;

    /** {@code freeProgramme}: the free-verification programme the customer belongs to, blank for none. */
    public record CustomerDetails(String code, String name, String address, String contactEmail,
            String freeProgramme, String district) {

        public CustomerDetails(String code, String name, String address, String contactEmail) {
            this(code, name, address, contactEmail, null, null);
        }

        public CustomerDetails(String code, String name, String address, String contactEmail, String freeProgramme) {
            this(code, name, address, contactEmail, freeProgramme, null);
        }
    }

    /** A site of an owner: its name (unique for the owner), address and district. */
    public record SiteDetails(String name, String address, String district) {
    }

    public record SiteView(long id, String customerCode, String name, String address, String district) {
        static SiteView of(OwnerSite s) {
            return new SiteView(s.id(), s.owner().code(), s.name(), s.address(), s.district());
        }
    }

    /**
     * An instrument's place in the register (issue 12): its category under legal control (blank: the category of its
     * kind, if any), the owner's asset number, the owner's site by name, and the verification before this system
     * (day and certificate number) that its due date is derived from until the institute verifies it.
     */
    public record RegisterEntry(String legalCategory, String assetNumber, String site, LocalDate lastVerifiedOn,
            String lastCertificate) {
    }

    /** customer.free_programme. */
    public static final int MAX_PROGRAMME = 100;

    public record CustomerView(long id, String code, String name, String address, String contactEmail,
            String freeProgramme, String district) {
        static CustomerView of(Customer c) {
            return new CustomerView(c.id(), c.code(), c.name(), c.address(), c.contactEmail(),
                    c.freeProgramme().orElse(null), c.district());
        }
    }

    /** What identifies and places an instrument; its class and parameters come with its kind below. */
    public record InstrumentDetails(String customerCode, String description, String manufacturer, String model,
            String serialNumber, boolean mandatoryVerification, int intervalMonths, String location,
            RegisterEntry entry) {

        public InstrumentDetails(String customerCode, String description, String manufacturer, String model,
                String serialNumber, boolean mandatoryVerification, int intervalMonths, String location) {
            this(customerCode, description, manufacturer, model, serialNumber, mandatoryVerification, intervalMonths,
                    location, null);
        }
    }

    /** A scale: accuracy class and Max, e, d as "30 kg", "10 g" (OIML R 76-1 Table 3 is checked). */
    public record ScaleDetails(String accuracyClass, String max, String e, String d) {
    }

    /** A weight: class and nominal value as "E2", "1 kg" (OIML R 111-1 Table 1 is checked). */
    public record WeightDetails(String weightClass, String nominal) {
    }

    @Inject
    private Instance<InstrumentKind> instrumentKinds;

    public List<CustomerView> customers() {
        return em.createQuery("select c from Customer c order by c.code", Customer.class).getResultStream()
                .map(CustomerView::of).toList();
    }

    public CustomerView addCustomer(CustomerDetails d) {
        String code = d.code() == null ? "" : d.code().strip();
        if (!CUSTOMER_CODE.matcher(code).matches()) {
            throw new RefusedException("error.customer.code", code);
        }
        if (customer(code) != null) {
            throw new RefusedException("error.customer.exists", code);
        }
        Customer c = new Customer(code, Texts.required(d.name(), 200, "error.customer.name"),
                Texts.required(d.address(), 300, "error.customer.address"), email(d.contactEmail()));
        c.belongTo(programme(d.freeProgramme(), null));
        c.locateIn(district(d.district(), false));
        em.persist(c);
        record("customer.registered", "Customer", code, null, c.describe());
        return CustomerView.of(c);
    }

    public CustomerView updateCustomer(String code, CustomerDetails d) {
        Customer c = customer(code);
        if (c == null) {
            throw new RefusedException("error.customer.notFound", code);
        }
        String before = c.describe();
        c.update(Texts.required(d.name(), 200, "error.customer.name"), Texts.required(d.address(), 300, "error.customer.address"),
                email(d.contactEmail()));
        c.belongTo(programme(d.freeProgramme(), c.freeProgramme().orElse(null)));
        c.locateIn(district(d.district(), false));
        // its instruments without a site are used in the owner's district
        em.createQuery("update InstrumentUnderTest i set i.district = :d where i.customer = :c and i.site is null")
                .setParameter("d", c.district()).setParameter("c", c).executeUpdate();
        record("customer.changed", "Customer", c.code(), before, c.describe());
        return CustomerView.of(c);
    }

    public InstrumentView registerScale(InstrumentDetails d, ScaleDetails s) {
        Customer owner = owner(d.customerCode());
        ScaleParameters parameters;
        try {
            parameters = new ScaleParameters(AccuracyClass.valueOf(s.accuracyClass() == null ? ""
                    : s.accuracyClass().strip()), Mass.parse(s.max()), Mass.parse(s.e()), Mass.parse(s.d()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RefusedException("error.instrument.scaleParameters",
                    s.accuracyClass(), s.max(), s.e(), s.d(), e.getMessage() == null ? "" : e.getMessage());
        }
        InstrumentUnderTest i = new InstrumentUnderTest(owner, "数字指示秤", description(d), Texts.required(d.manufacturer(), 200,
                "error.instrument.manufacturer"), Texts.required(d.model(), 100, "error.instrument.model"), serial(d),
                parameters, d.mandatoryVerification(), interval(d), location(d));
        return persist(i, d);
    }

    public InstrumentView registerWeight(InstrumentDetails d, WeightDetails w) {
        Customer owner = owner(d.customerCode());
        WeightClass weightClass;
        Mass nominal;
        try {
            weightClass = WeightClass.fromSymbol(w.weightClass() == null ? "" : w.weightClass());
            nominal = Mass.parse(w.nominal());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RefusedException("error.instrument.weightParameters", w.weightClass(), w.nominal());
        }
        if (!WeightCalibrationProcedure.standard().covers(weightClass, nominal)) {
            throw new RefusedException("error.weight.notInTable", weightClass.symbol(), nominal);
        }
        InstrumentUnderTest i = InstrumentUnderTest.weight(owner, description(d), Texts.required(d.manufacturer(), 200,
                "error.instrument.manufacturer"), serial(d), weightClass, nominal, interval(d), location(d));
        return persist(i, d);
    }

    /** A kind whose parameters are rows, as a form or the API shows it: name, category, its parameters. */
    public record KindView(String kind, String category, List<ParameterSpec> parameters) {
    }

    /** The kinds of instrument registered with typed parameters (scales and weights have their own forms). */
    public List<KindView> kinds() {
        return instrumentKinds.stream().sorted(java.util.Comparator.comparing(InstrumentKind::instrumentKind))
                .map(k -> new KindView(k.instrumentKind(), k.category(), k.parameterSpecs())).toList();
    }

    /**
     * An instrument of a kind with typed parameters: every value is checked against its kind's specification, then
     * all of them together; a parameter the kind does not have is refused rather than dropped.
     */
    public InstrumentView registerInstrument(InstrumentDetails d, String kindName, Map<String, String> parameters) {
        Customer owner = owner(d.customerCode());
        InstrumentKind kind = instrumentKinds.stream().filter(k -> k.instrumentKind().equals(kindName)).findFirst()
                .orElseThrow(() -> new RefusedException("error.instrument.unknownKind", kindName,
                        String.join(", ", kinds().stream().map(KindView::kind).toList())));
        Map<String, String> given = parameters == null ? Map.of() : parameters;
        for (String name : given.keySet()) {
            if (kind.parameterSpecs().stream().noneMatch(p -> p.name().equals(name))) {
                throw new RefusedException("error.instrument.unknownParameter", name, kindName);
            }
        }
        Map<String, InstrumentParameter.Value> values = new java.util.LinkedHashMap<>();
        for (ParameterSpec spec : kind.parameterSpecs()) {
            spec.check(given.get(spec.name())).ifPresent(v -> values.put(spec.name(), v));
        }
        kind.checkTogether(new InstrumentParameters(values));
        InstrumentUnderTest i = InstrumentUnderTest.ofKind(owner, kind, description(d),
                Texts.required(d.manufacturer(), 200, "error.instrument.manufacturer"),
                Texts.required(d.model(), 100, "error.instrument.model"), serial(d), values, d.mandatoryVerification(),
                interval(d), location(d));
        return persist(i, d);
    }

    public InstrumentView updateInstrument(long id, InstrumentDetails d) {
        InstrumentUnderTest i = em.find(InstrumentUnderTest.class, id);
        if (i == null) {
            throw new RefusedException("error.instrument.notFound", id);
        }
        String before = i.describe();
        String serial = serial(d);
        String manufacturer = Texts.required(d.manufacturer(), 200, "error.instrument.manufacturer");
        String model = i.isWeight() ? i.model() : Texts.required(d.model(), 100, "error.instrument.model");
        unique(manufacturer, model, serial, i.id());
        i.describeAs(description(d), manufacturer, model, serial, d.mandatoryVerification(), interval(d), location(d));
        RegisterEntry entry = d.entry() != null ? d.entry() : new RegisterEntry(i.legalCategory(), i.assetNumber(),
                i.site() == null ? null : i.site().name(), null, null);
        place(i, entry);
        earlierVerification(i, entry);
        if (i.lastVerifiedOn() != null && i.status() != InstrumentStatus.NOT_PERMITTED) {
            i.replanned(planner.plan(i, i.lastVerifiedOn()));
        }
        record("instrument.changed", "InstrumentUnderTest", Long.toString(i.id()), before, i.describe());
        return InstrumentView.of(i);
    }

    private InstrumentView persist(InstrumentUnderTest i, InstrumentDetails d) {
        unique(i.manufacturer(), i.model(), i.serialNumber(), null);
        RegisterEntry entry = d.entry() == null ? new RegisterEntry(null, null, null, null, null) : d.entry();
        place(i, entry);
        em.persist(i);
        em.flush();
        earlierVerification(i, entry);
        record("instrument.registered", "InstrumentUnderTest", Long.toString(i.id()), null, i.describe());
        return InstrumentView.of(i);
    }

    /** Category (given, or its kind's), asset number (unique per owner), site (the owner's), checked and set. */
    private void place(InstrumentUnderTest i, RegisterEntry entry) {
        String code = blankToNull(entry.legalCategory());
        CategoryView category = code == null ? catalogue.ofKind(i.kind()).orElse(null)
                : catalogue.current(code).orElseThrow(() -> new RefusedException("error.instrument.unknownCategory",
                        code, String.join(", ", catalogue.inForce(LocalDate.now(clock)).stream()
                                .map(CategoryView::code).toList())));
        if (category != null && i.intervalMonths() > category.intervalMonths()) {
            throw new RefusedException("error.instrument.intervalLonger", i.intervalMonths(), category.nameZh(),
                    category.regulation(), category.intervalMonths());
        }
        String asset = blankToNull(entry.assetNumber());
        InputLimits.maxLength(asset, MAX_ASSET, "field.assetNumber");
        if (asset != null) {
            boolean taken = em.createQuery("select i.id from InstrumentUnderTest i where i.customer = :c"
                            + " and i.assetNumber = :a", Long.class)
                    .setParameter("c", i.customer()).setParameter("a", asset).getResultStream()
                    .anyMatch(id -> !id.equals(i.id()));
            if (taken) {
                throw new RefusedException("error.instrument.assetTaken", asset, i.customer().name());
            }
        }
        String siteName = blankToNull(entry.site());
        OwnerSite site = null;
        if (siteName != null) {
            site = em.createQuery("select s from OwnerSite s where s.owner = :c and s.name = :n", OwnerSite.class)
                    .setParameter("c", i.customer()).setParameter("n", siteName).getResultStream().findFirst()
                    .orElseThrow(() -> new RefusedException("error.instrument.unknownSite", siteName,
                            i.customer().name()));
        }
        i.placeInRegister(category == null ? null : category.code(), asset, site);
    }

    /**
     * The verification an instrument had before this system (a paper certificate): its due date is derived from
     * it. Only for an instrument with no verification on record yet, on a day that has passed.
     */
    private void earlierVerification(InstrumentUnderTest i, RegisterEntry entry) {
        if (entry.lastVerifiedOn() == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        if (entry.lastVerifiedOn().isAfter(today)) {
            throw new RefusedException("error.instrument.verifiedInFuture", entry.lastVerifiedOn(), today);
        }
        if (entry.lastVerifiedOn().isBefore(today.minusMonths(MAX_INTERVAL_MONTHS))) {
            throw new RefusedException("error.instrument.verifiedLongAgo", entry.lastVerifiedOn(), MAX_INTERVAL_MONTHS);
        }
        if (i.lastVerifiedOn() != null) {
            if (i.lastVerifiedOn().equals(entry.lastVerifiedOn())) {
                return;
            }
            throw new RefusedException("error.instrument.verificationRecorded", i.lastVerifiedOn(),
                    i.lastCertificate() == null ? "" : i.lastCertificate());
        }
        String certificate = Texts.required(entry.lastCertificate(), MAX_CERTIFICATE,
                "error.instrument.lastCertificate");
        planner.passed(i, entry.lastVerifiedOn(), certificate);
    }

    /**
     * A verification made by another authorized body (or on paper), after the last one on record: the register
     * plans from it as from its own certificates (a failure makes the instrument not permitted), and the figures
     * count it. Audited with the certificate number.
     */
    public InstrumentView recordVerification(long id, LocalDate verifiedOn, String certificate, boolean passed) {
        InstrumentUnderTest i = em.find(InstrumentUnderTest.class, id);
        if (i == null) {
            throw new RefusedException("error.instrument.notFound", id);
        }
        LocalDate today = LocalDate.now(clock);
        if (verifiedOn == null || verifiedOn.isAfter(today)) {
            throw new RefusedException("error.instrument.verifiedInFuture", verifiedOn, today);
        }
        if (i.lastVerifiedOn() != null && !verifiedOn.isAfter(i.lastVerifiedOn())) {
            throw new RefusedException("error.instrument.verificationNotLater", verifiedOn, i.lastVerifiedOn(),
                    i.lastCertificate() == null ? "" : i.lastCertificate());
        }
        if (i.status() == InstrumentStatus.SCRAPPED) {
            throw new RefusedException("error.instrument.scrapped", i.serialNumber());
        }
        String number = Texts.required(certificate, MAX_CERTIFICATE, "error.instrument.lastCertificate");
        String before = i.describe() + "; last verified " + i.lastVerifiedOn() + "; due " + i.nextDueDate();
        if (passed) {
            planner.passed(i, verifiedOn, number);
        } else {
            planner.failed(i, verifiedOn, number);
        }
        record("instrument.verificationRecorded", "InstrumentUnderTest", Long.toString(i.id()), before,
                (passed ? "passed " : "failed ") + verifiedOn + " " + number + "; status " + i.status() + "; due "
                        + i.nextDueDate());
        return InstrumentView.of(i);
    }

    /** An owner's sites, by name. */
    public List<SiteView> sites(String customerCode) {
        Customer owner = owner(customerCode);
        return em.createQuery("select s from OwnerSite s where s.owner = :c order by s.name", OwnerSite.class)
                .setParameter("c", owner).getResultStream().map(SiteView::of).toList();
    }

    /** A site of an owner, or its address and district corrected (the name names it). */
    public SiteView saveSite(String customerCode, SiteDetails d) {
        Customer owner = owner(customerCode);
        String name = Texts.required(d.name(), OwnerSite.MAX_NAME, "error.site.name");
        String address = blankToNull(d.address());
        InputLimits.maxLength(address, OwnerSite.MAX_ADDRESS, "field.address");
        String district = district(d.district(), true);
        OwnerSite site = em.createQuery("select s from OwnerSite s where s.owner = :c and s.name = :n",
                OwnerSite.class).setParameter("c", owner).setParameter("n", name).getResultStream().findFirst()
                .orElse(null);
        if (site == null) {
            site = new OwnerSite(owner, name, address, district);
            em.persist(site);
            em.flush();
            record("site.registered", "OwnerSite", Long.toString(site.id()), null, site.describe());
        } else {
            String before = site.describe();
            site.update(address, district);
            em.createQuery("update InstrumentUnderTest i set i.district = :d where i.site = :s")
                    .setParameter("d", district).setParameter("s", site).executeUpdate();
            record("site.changed", "OwnerSite", Long.toString(site.id()), before, site.describe());
        }
        return SiteView.of(site);
    }

    /**
     * The owner reports the instrument out of service, back in service, or scrapped; a reason is required.
     * "Not permitted" is set and lifted by verification alone, and a scrapped instrument never returns.
     */
    public InstrumentView changeStatus(long id, InstrumentStatus status, String reason) {
        InstrumentUnderTest i = em.find(InstrumentUnderTest.class, id);
        if (i == null) {
            throw new RefusedException("error.instrument.notFound", id);
        }
        String why = Texts.required(reason, 500, "error.instrument.statusReason");
        if (status == null || status == InstrumentStatus.NOT_PERMITTED) {
            throw new RefusedException("error.instrument.statusByHand", status == null ? "" : status.name());
        }
        if (i.status() == InstrumentStatus.SCRAPPED) {
            throw new RefusedException("error.instrument.scrapped", i.serialNumber());
        }
        if (i.status() == InstrumentStatus.NOT_PERMITTED && status == InstrumentStatus.IN_SERVICE) {
            throw new RefusedException("error.instrument.notPermitted", i.serialNumber(),
                    i.lastCertificate() == null ? "" : i.lastCertificate());
        }
        String before = i.describe();
        i.changeStatus(status);
        audit.record(new AuditEvent(caller.username(), "instrument.statusChanged", "InstrumentUnderTest",
                Long.toString(i.id()), null, before, i.describe(), why));
        return InstrumentView.of(i);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A district's name; required for a site, optional for an owner. */
    private static String district(String value, boolean required) {
        String v = blankToNull(value);
        if (v == null && required) {
            throw new RefusedException("error.site.district");
        }
        InputLimits.maxLength(v, OwnerSite.MAX_DISTRICT, "field.district");
        return v;
    }

    private void unique(String manufacturer, String model, String serial, Long except) {
        boolean taken = em.createQuery("select i from InstrumentUnderTest i where i.manufacturer = :m and i.model = :o"
                        + " and i.serialNumber = :s", InstrumentUnderTest.class)
                .setParameter("m", manufacturer).setParameter("o", model).setParameter("s", serial)
                .getResultStream().anyMatch(i -> !i.id().equals(except));
        if (taken) {
            throw new RefusedException("error.instrument.exists", manufacturer, model, serial);
        }
    }

    private Customer owner(String code) {
        Customer c = customer(code == null ? "" : code.strip());
        if (c == null) {
            throw new RefusedException("error.customer.notFound", code);
        }
        return c;
    }

    private Customer customer(String code) {
        return em.createQuery("select c from Customer c where c.code = :c", Customer.class)
                .setParameter("c", code).getResultStream().findFirst().orElse(null);
    }

    private static String description(InstrumentDetails d) {
        return Texts.required(d.description(), 200, "error.instrument.description");
    }

    private static String serial(InstrumentDetails d) {
        return Texts.required(d.serialNumber(), 100, "error.instrument.serial");
    }

    private static String location(InstrumentDetails d) {
        String l = d.location() == null ? "" : d.location().strip();
        if (l.length() > 200) {
            throw new RefusedException("error.instrument.location", 200);
        }
        return l.isEmpty() ? null : l;
    }

    private static int interval(InstrumentDetails d) {
        if (d.intervalMonths() < 1 || d.intervalMonths() > MAX_INTERVAL_MONTHS) {
            throw new RefusedException("error.instrument.interval", d.intervalMonths(), MAX_INTERVAL_MONTHS);
        }
        return d.intervalMonths();
    }


    /**
     * A programme's name as written, or null for none: at most customer.free_programme's length, and one the catalogue
     * in force names (a job is free when its owner and its category name the same programme, so a name the
     * catalogue does not know would waive nothing, silently). The customer's own stored name, {@code current}, is
     * kept as it is.
     */
    private String programme(String value, String current) {
        String v = value == null ? "" : value.strip();
        InputLimits.maxLength(v, MAX_PROGRAMME, "field.freeProgramme");
        if (v.isEmpty()) {
            return null;
        }
        List<String> known = catalogue.programmes();
        // a name stored before the rule (or one a later catalogue dropped) may stay while other details change
        if (!known.contains(v) && !v.equals(current)) {
            throw new RefusedException("error.customer.programme", v, String.join("; ", known));
        }
        return v;
    }

    private static String email(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() > 200 || !v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new RefusedException("error.customer.email", v);
        }
        return v;
    }

    private void record(String action, String type, String id, String before, String after) {
        audit.record(new AuditEvent(caller.username(), action, type, id, null, before, after, null));
    }
}
