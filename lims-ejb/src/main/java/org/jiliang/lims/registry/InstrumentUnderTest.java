package org.jiliang.lims.registry;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiliang.lims.metrology.AccuracyClass;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.metrology.ScaleParameters;
import org.jiliang.lims.metrology.weight.WeightClass;
import org.jiliang.lims.metrology.scale.ScaleUnderTest;

/**
 * A customer's weighing instrument that the institute verifies (the instrument under test,
 * not a bench device). Its metrological parameters are validated against OIML R 76 on creation.
 */
@Entity
@Table(name = "instrument_under_test")
public class InstrumentUnderTest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    /** SCALE, WEIGHT, or a kind whose parameters are rows (issue 10): decides the method that takes it. */
    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String category;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String manufacturer;

    @Column(nullable = false)
    private String model;

    @Column(name = "serial_number", nullable = false)
    private String serialNumber;

    /** A scale's class (R 76); null for a weight. */
    @Enumerated(EnumType.STRING)
    @Column(name = "accuracy_class")
    private AccuracyClass accuracyClass;

    /** A weight's class (R 111); null for a scale. */
    @Enumerated(EnumType.STRING)
    @Column(name = "weight_class")
    private WeightClass weightClass;

    /** Max of a scale, the nominal value of a weight. */
    @Column(name = "max_value", nullable = false)
    private BigDecimal maxValue;
    @Column(name = "max_unit", nullable = false)
    private String maxUnit;
    @Column(name = "e_value")
    private BigDecimal eValue;
    @Column(name = "e_unit")
    private String eUnit;
    @Column(name = "d_value")
    private BigDecimal dValue;
    @Column(name = "d_unit")
    private String dUnit;

    @Column(name = "mandatory_verification", nullable = false)
    private boolean mandatoryVerification;

    @Column(name = "interval_months", nullable = false)
    private int intervalMonths;

    /** Derived by the due planner from the last verification (issue 12), never typed; null: not due. */
    @Column(name = "next_due_date")
    private LocalDate nextDueDate;

    private String location;

    /** Points of support of the load receptor: decides the eccentricity test (R 76 A.4.7). */
    @Column(nullable = false)
    private int supports = 4;

    @Column(name = "zero_tracking", nullable = false)
    private boolean zeroTracking;

    /** The category under legal control (catalogue code, issue 12); null: not under legal control. */
    @Column(name = "legal_category")
    private String legalCategory;

    /** The owner's own number for the instrument (unique per owner). */
    @Column(name = "asset_number")
    private String assetNumber;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "site_id")
    private OwnerSite site;

    /**
     * The district the instrument is used in: its site's, else its owner's (null when neither is recorded). Kept
     * here, not derived in every query, so that the due list and the figures filter and group by district on an
     * index: set with the owner and the site, and by the register when a site or an owner moves
     * (RegistryAdministration).
     */
    private String district;

    /** The name of its site (null: none), kept here for the due list's site filter as the district is (V031). */
    @Column(name = "site_name")
    private String siteName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InstrumentStatus status = InstrumentStatus.IN_SERVICE;

    /** The day of the last passed verification (or calibration), which the due date is derived from. */
    @Column(name = "last_verified_on")
    private LocalDate lastVerifiedOn;

    /** The number of that certificate (ours, or an earlier one recorded when the instrument was registered). */
    @Column(name = "last_certificate")
    private String lastCertificate;

    /** The catalogue edition the due date was planned with; null outside the catalogue or before the register. */
    @Column(name = "planned_edition")
    private String plannedEdition;

    /** The parameters of a kind registered through its {@link InstrumentKind}; none for scales and weights. */
    @OneToMany(mappedBy = "instrument", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<InstrumentParameter> parameterRows = new ArrayList<>();

    @Version
    private long version;

    protected InstrumentUnderTest() {
    }

    public InstrumentUnderTest(Customer customer, String category, String description, String manufacturer,
            String model, String serialNumber, ScaleParameters parameters, boolean mandatoryVerification,
            int intervalMonths, String location) {
        this.customer = customer;
        this.district = customer.district();
        this.kind = KIND_SCALE;
        this.category = category;
        this.description = description;
        this.manufacturer = manufacturer;
        this.model = model;
        this.serialNumber = serialNumber;
        this.accuracyClass = parameters.accuracyClass();
        this.maxValue = parameters.max().value();
        this.maxUnit = parameters.max().unit().symbol();
        this.eValue = parameters.e().value();
        this.eUnit = parameters.e().unit().symbol();
        this.dValue = parameters.d().value();
        this.dUnit = parameters.d().unit().symbol();
        this.mandatoryVerification = mandatoryVerification;
        this.intervalMonths = intervalMonths;
        this.location = location;
    }

    /**
     * A weight (material measure) the institute calibrates: its class and nominal value, which must be in
     * OIML R 111-1 Table 1 (checked by the caller before anything is stored).
     */
    public static InstrumentUnderTest weight(Customer customer, String description, String manufacturer,
            String serialNumber, WeightClass weightClass, Mass nominal, int intervalMonths,
            String location) {
        InstrumentUnderTest w = new InstrumentUnderTest();
        w.customer = customer;
        w.district = customer.district();
        w.kind = KIND_WEIGHT;
        w.category = CATEGORY_WEIGHT;
        w.description = description;
        w.manufacturer = manufacturer;
        w.model = "—";
        w.serialNumber = serialNumber;
        w.weightClass = weightClass;
        w.maxValue = nominal.value();
        w.maxUnit = nominal.unit().symbol();
        w.mandatoryVerification = false;
        w.intervalMonths = intervalMonths;
        w.location = location;
        return w;
    }

    /**
     * An instrument of a kind whose parameters are rows, checked by the caller against the kind's specifications
     * before anything is stored.
     */
    public static InstrumentUnderTest ofKind(Customer customer, InstrumentKind kind, String description,
            String manufacturer, String model, String serialNumber, Map<String, InstrumentParameter.Value> values,
            boolean mandatoryVerification, int intervalMonths, String location) {
        InstrumentUnderTest i = new InstrumentUnderTest();
        i.customer = customer;
        i.district = customer.district();
        i.kind = kind.instrumentKind();
        i.category = kind.category();
        i.description = description;
        i.manufacturer = manufacturer;
        i.model = model;
        i.serialNumber = serialNumber;
        values.forEach((name, value) -> i.parameterRows.add(new InstrumentParameter(i, name, value)));
        i.mandatoryVerification = mandatoryVerification;
        i.intervalMonths = intervalMonths;
        i.location = location;
        return i;
    }

    /**
     * An instrument under legal control that the register plans but no measurement method of this system takes yet
     * (a fuel dispenser, a taximeter ...): registered with its category's name and no parameters; a job for it is
     * refused with the reason (no method for kind {@value #KIND_OTHER}).
     */
    public static InstrumentUnderTest registered(Customer customer, String category, String description,
            String manufacturer, String model, String serialNumber, boolean mandatoryVerification,
            int intervalMonths, String location) {
        InstrumentUnderTest i = new InstrumentUnderTest();
        i.customer = customer;
        i.district = customer.district();
        i.kind = KIND_OTHER;
        i.category = category;
        i.description = description;
        i.manufacturer = manufacturer;
        i.model = model;
        i.serialNumber = serialNumber;
        i.mandatoryVerification = mandatoryVerification;
        i.intervalMonths = intervalMonths;
        i.location = location;
        return i;
    }

    /** The typed parameters of a kind registered with rows. */
    public InstrumentParameters typedParameters() {
        Map<String, InstrumentParameter.Value> values = new LinkedHashMap<>();
        parameterRows.forEach(r -> values.put(r.name(), r.value()));
        return new InstrumentParameters(values);
    }

    /** Category of weights (砝码). */
    public static final String CATEGORY_WEIGHT = "砝码";

    /** A scale (weighing instrument, R 76). */
    public static final String KIND_SCALE = "SCALE";
    /** A weight (material measure of mass, R 111). */
    public static final String KIND_WEIGHT = "WEIGHT";
    /** Registered for planning only: no measurement method of this system takes it yet. */
    public static final String KIND_OTHER = "OTHER";

    public boolean isWeight() {
        return KIND_WEIGHT.equals(kind);
    }

    /** A scale or a weight, whose R 76 / R 111 parameters are columns of their own. */
    private boolean hasMassColumns() {
        return KIND_SCALE.equals(kind) || KIND_WEIGHT.equals(kind);
    }

    /** The kind of instrument: it decides the measurement method that takes it at intake. */
    public String kind() {
        return kind;
    }

    /** The class of a weight. */
    public WeightClass weightClass() {
        if (weightClass == null) {
            throw new IllegalStateException(serialNumber + " is not a weight");
        }
        return weightClass;
    }

    /** The nominal value of a weight. */
    public Mass nominal() {
        return new Mass(maxValue, MassUnit.fromSymbol(maxUnit)).normalized();
    }

    /** The R 76 parameters of a scale; a weight has none. */
    public ScaleParameters parameters() {
        if (isWeight()) {
            throw new IllegalStateException(serialNumber + " is a weight, not a scale");
        }
        return new ScaleParameters(accuracyClass,
                new Mass(maxValue, MassUnit.fromSymbol(maxUnit)).normalized(),
                new Mass(eValue, MassUnit.fromSymbol(eUnit)).normalized(),
                new Mass(dValue, MassUnit.fromSymbol(dUnit)).normalized());
    }

    /** The instrument as the R 76 test plan sees it. */
    public ScaleUnderTest underTest() {
        return ScaleUnderTest.of(parameters(), supports, zeroTracking);
    }

    /**
     * What identifies and places the instrument changed (a typo, a move); its class and metrological parameters
     * do not change, since jobs and certificates were computed with them.
     */
    public void describeAs(String newDescription, String newManufacturer, String newModel, String newSerialNumber,
            boolean newMandatoryVerification, int newIntervalMonths, String newLocation) {
        this.description = newDescription;
        this.manufacturer = newManufacturer;
        this.model = newModel;
        this.serialNumber = newSerialNumber;
        this.mandatoryVerification = newMandatoryVerification;
        this.intervalMonths = newIntervalMonths;
        this.location = newLocation;
    }

    /** The record as the audit trail keeps it, before and after a change. */
    public String describe() {
        String parameters = !hasMassColumns()
                ? "kind=" + kind + "; " + String.join("; ", parameterRows.stream()
                        .map(r -> r.name() + "=" + r.display()).toList())
                : "class=" + (isWeight() ? weightClass.symbol() : accuracyClass.symbol()) + "; max="
                        + maxValue.toPlainString() + " " + maxUnit + (eValue == null ? "" : "; e="
                        + eValue.toPlainString() + " " + eUnit + "; d=" + dValue.toPlainString() + " " + dUnit);
        return "customer=" + customer.code() + "; category=" + category + "; description=" + description
                + "; manufacturer=" + manufacturer + "; model=" + model + "; serial=" + serialNumber + "; "
                + parameters + "; mandatory=" + mandatoryVerification + "; interval="
                + intervalMonths + " months; location=" + (location == null ? "" : location)
                + (legalCategory == null ? "" : "; legal category=" + legalCategory)
                + (assetNumber == null ? "" : "; asset=" + assetNumber)
                + (site == null ? "" : "; site=" + site.name()) + "; status=" + status;
    }

    /** Its place in the register: category, the owner's asset number, the site (each may be null). */
    public void placeInRegister(String newLegalCategory, String newAssetNumber, OwnerSite newSite) {
        this.legalCategory = newLegalCategory;
        this.assetNumber = newAssetNumber;
        this.site = newSite;
        this.siteName = newSite == null ? null : newSite.name();
        this.district = newSite != null ? newSite.district() : customer.district();
    }

    /** A verification passed on the day: a new cycle, planned by the due planner; "not permitted" is lifted. */
    public void verified(LocalDate on, String certificate, DuePlan.Planned plan) {
        this.lastVerifiedOn = on;
        this.lastCertificate = certificate;
        this.nextDueDate = plan.due();
        this.plannedEdition = plan.edition();
        if (status == InstrumentStatus.NOT_PERMITTED) {
            status = InstrumentStatus.IN_SERVICE;
        }
    }

    /** The catalogue re-planned the open cycle; true when something changed. */
    public boolean replanned(DuePlan.Planned plan) {
        boolean changed = !java.util.Objects.equals(nextDueDate, plan.due())
                || !java.util.Objects.equals(plannedEdition, plan.edition());
        this.nextDueDate = plan.due();
        this.plannedEdition = plan.edition();
        return changed;
    }

    /** A notice of non-conformity: not to be used, not due, until a verification passes. */
    public void notPermitted(String notice) {
        this.status = InstrumentStatus.NOT_PERMITTED;
        this.lastCertificate = notice;
        this.nextDueDate = null;
    }

    /** A corrected revision replaced the certificate the register names last: it names the revision now. */
    public void certificateRevised(String replaced, String revision) {
        if (replaced.equals(lastCertificate)) {
            this.lastCertificate = revision;
        }
    }

    /** Out of service, back in service, or scrapped, as the owner reports it (checked by the register). */
    public void changeStatus(InstrumentStatus newStatus) {
        this.status = newStatus;
    }

    public String legalCategory() {
        return legalCategory;
    }

    public String assetNumber() {
        return assetNumber;
    }

    public OwnerSite site() {
        return site;
    }

    /** The district it is used in: its site's, else its owner's; null when neither is recorded. */
    public String district() {
        return district;
    }

    public InstrumentStatus status() {
        return status;
    }

    public LocalDate lastVerifiedOn() {
        return lastVerifiedOn;
    }

    public String lastCertificate() {
        return lastCertificate;
    }

    public String plannedEdition() {
        return plannedEdition;
    }

    public Long id() {
        return id;
    }

    public Customer customer() {
        return customer;
    }

    public String category() {
        return category;
    }

    public String description() {
        return description;
    }

    public String manufacturer() {
        return manufacturer;
    }

    public String model() {
        return model;
    }

    public String serialNumber() {
        return serialNumber;
    }

    public boolean mandatoryVerification() {
        return mandatoryVerification;
    }

    public int intervalMonths() {
        return intervalMonths;
    }

    public LocalDate nextDueDate() {
        return nextDueDate;
    }

    public String location() {
        return location;
    }
}
