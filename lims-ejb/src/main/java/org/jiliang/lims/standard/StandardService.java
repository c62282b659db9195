package org.jiliang.lims.standard;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.Messages;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Texts;

/** The register of measurement standards with their status computed for today. */
@Stateless
public class StandardService {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AuditTrail audit;

    /** Capital letters, digits and hyphens, 2 to 32 characters, e.g. STD-F1-001. */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public List<StandardView> standards() {
        LocalDate today = LocalDate.now(clock);
        // one query: the certified values and the device each row shows are fetched with it, not one query a row
        return em.createQuery("select s from MeasurementStandard s left join fetch s.values"
                        + " left join fetch s.drivenThrough order by s.dueDate, s.code", MeasurementStandard.class)
                .getResultList().stream().map(s -> StandardView.of(s, today)).toList();
    }

    /** What a quality manager records of a standard (its calibration certificate and where it is traceable to). */
    public record StandardDetails(String code, String name, String accuracy, String serialNumber,
            String certificateNumber, String traceableTo, LocalDate calibratedOn, LocalDate dueDate) {
    }

    @RolesAllowed(Roles.QUALITY_MANAGER)
    public StandardView register(StandardDetails d) {
        String code = d.code() == null ? "" : d.code().strip();
        if (!CODE.matcher(code).matches()) {
            throw new RefusedException("error.standard.code", code);
        }
        if (findByCode(code).isPresent()) {
            throw new RefusedException("error.standard.exists", code);
        }
        dates(d);
        MeasurementStandard s = new MeasurementStandard(code, Texts.required(d.name(), 200, "error.standard.name"),
                Texts.required(d.accuracy(), 64, "error.standard.accuracy"),
                Texts.required(d.serialNumber(), 100, "error.standard.serial"),
                Texts.required(d.certificateNumber(), 100, "error.standard.certificate"),
                Texts.required(d.traceableTo(), 200, "error.standard.traceableTo"), d.calibratedOn(), d.dueDate());
        em.persist(s);
        record("standard.registered", code, null, s.describe(), null);
        return StandardView.of(s, LocalDate.now(clock));
    }

    /** Corrects the description or records a new calibration (certificate, dates); the code stays. */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public StandardView update(String code, StandardDetails d) {
        MeasurementStandard s = existing(code);
        dates(d);
        String before = s.describe();
        s.describeAs(Texts.required(d.name(), 200, "error.standard.name"),
                Texts.required(d.accuracy(), 64, "error.standard.accuracy"),
                Texts.required(d.serialNumber(), 100, "error.standard.serial"));
        s.recalibrated(Texts.required(d.certificateNumber(), 100, "error.standard.certificate"),
                Texts.required(d.traceableTo(), 200, "error.standard.traceableTo"), d.calibratedOn(), d.dueDate());
        record("standard.changed", s.code(), before, s.describe(), null);
        return StandardView.of(s, LocalDate.now(clock));
    }

    /**
     * From now on the bench drives the standard through this registered bench device (a calibrator's remote
     * interface): a method sets it to each point's value when the technician sets up a point. A blank code: the
     * standard is set by hand again.
     */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public StandardView driveThrough(String code, String deviceCode) {
        MeasurementStandard s = existing(code);
        String device = deviceCode == null ? "" : deviceCode.strip();
        org.jiliang.lims.bench.BenchDevice through = device.isEmpty() ? null
                : em.createQuery("select d from BenchDevice d where d.code = :c", org.jiliang.lims.bench.BenchDevice.class)
                        .setParameter("c", device).getResultStream().findFirst()
                        .orElseThrow(() -> new RefusedException("error.device.unknown", device));
        String before = s.describe();
        s.driveThrough(through);
        record("standard.drivenThrough", s.code(), before, s.describe(), null);
        return StandardView.of(s, LocalDate.now(clock));
    }

    /**
     * Records the standard's assessment certificate (计量标准考核证书) as issued, or the one a re-examination renewed:
     * its number, the scope it covers and the end of its validity, which must lie after today.
     */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public StandardView recordAssessment(String code, String certificate, String scope, LocalDate validUntil) {
        MeasurementStandard s = existing(code);
        String number = Texts.required(certificate, 60, "error.standard.assessmentCertificate");
        String covers = Texts.required(scope, 300, "error.standard.assessmentScope");
        LocalDate today = LocalDate.now(clock);
        if (validUntil == null || !validUntil.isAfter(today) || validUntil.isAfter(today.plusYears(10))) {
            throw new RefusedException("error.standard.assessmentValidUntil", validUntil, today);
        }
        String before = s.describe();
        s.assessed(number, covers, validUntil);
        record("standard.assessed", s.code(), before, s.describe(), null);
        return StandardView.of(s, today);
    }

    @RolesAllowed(Roles.QUALITY_MANAGER)
    public StandardView suspend(String code, String reason) {
        MeasurementStandard s = existing(code);
        if (s.suspended()) {
            throw new RefusedException("error.standard.alreadySuspended", s.code());
        }
        String why = Texts.required(reason, 300, "error.standard.reason");
        String before = s.describe();
        s.suspend();
        record("standard.suspended", s.code(), before, s.describe(), why);
        return StandardView.of(s, LocalDate.now(clock));
    }

    @RolesAllowed(Roles.QUALITY_MANAGER)
    public StandardView reinstate(String code, String reason) {
        MeasurementStandard s = existing(code);
        if (!s.suspended()) {
            throw new RefusedException("error.standard.notSuspended", s.code());
        }
        String why = Texts.required(reason, 300, "error.standard.reason");
        String before = s.describe();
        s.reinstate();
        record("standard.reinstated", s.code(), before, s.describe(), why);
        return StandardView.of(s, LocalDate.now(clock));
    }

    /**
     * One value the standard's calibration certificate states, as typed: quantities as "9.000018 V", k as a number.
     * Fields: nominal, value, expanded uncertainty, coverage factor, drift half-width, temperature half-width; and
     * optionally the drift predicted since calibration (the centre of its limits, zero when empty), and for a value
     * certified at a stated temperature (a reference resistor) that temperature ("23 °C") with the temperature
     * coefficient α in 10⁻⁶/K, both or neither.
     */
    public record CertifiedValueDetails(String nominal, String value, String expandedUncertainty,
            BigDecimal coverageFactor, String driftLimit, String temperatureLimit, String driftEstimate,
            String referenceTemperature, BigDecimal temperatureCoefficientPpm) {

        /** A calibrator's output: no predicted drift, no temperature dependence. */
        public CertifiedValueDetails(String nominal, String value, String expandedUncertainty,
                BigDecimal coverageFactor, String driftLimit, String temperatureLimit) {
            this(nominal, value, expandedUncertainty, coverageFactor, driftLimit, temperatureLimit, null, null, null);
        }
    }

    /**
     * Records a value the standard's certificate states at a point (a calibrator's output at 10 V), so a method
     * takes the standard's figures from its record. All in one kind of quantity; U and k positive, the drift and
     * temperature half-widths not negative (zero: judged negligible); one value per nominal.
     */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public StandardView certifyValue(String code, CertifiedValueDetails d) {
        MeasurementStandard s = existing(code);
        Quantity nominal = quantity(d.nominal(), "field.standardValue.nominal", null);
        Unit unit = nominal.unit();
        Quantity value = quantity(d.value(), "field.standardValue.value", unit);
        Quantity u = quantity(d.expandedUncertainty(), "field.standardValue.expandedUncertainty", unit);
        Quantity drift = quantity(d.driftLimit(), "field.standardValue.driftLimit", unit);
        Quantity temperature = quantity(d.temperatureLimit(), "field.standardValue.temperatureLimit", unit);
        BigDecimal k = d.coverageFactor();
        if (k == null || k.signum() <= 0 || k.compareTo(BigDecimal.TEN) > 0 || !InputLimits.fits(k, 3, 3)) {
            throw new RefusedException("error.standard.coverageFactor", k);
        }
        if (u.value().signum() <= 0 || drift.value().signum() < 0 || temperature.value().signum() < 0) {
            throw new RefusedException("error.standard.valueSigns", u, drift, temperature);
        }
        Quantity driftEstimate = blank(d.driftEstimate()) ? new Quantity(BigDecimal.ZERO, unit)
                : quantity(d.driftEstimate(), "field.standardValue.driftEstimate", unit);
        StandardValue.TemperatureDependence dependence = dependence(d);
        if (s.valueAt(nominal).isPresent()) {
            throw new RefusedException("error.standard.valueExists", s.code(), nominal);
        }
        String before = s.describe();
        s.certifyValue(new StandardValue.Certified(nominal, value, u, k, driftEstimate, drift, temperature,
                dependence));
        em.flush();
        record("standard.valueCertified", s.code(), before, s.describe(), null);
        return StandardView.of(s, LocalDate.now(clock));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * t_0 and α in 10⁻⁶/K, both or neither: t_0 within −50…100 °C, |α| ≤ 10 000·10⁻⁶/K with at most six decimals.
     */
    private static StandardValue.TemperatureDependence dependence(CertifiedValueDetails d) {
        BigDecimal ppm = d.temperatureCoefficientPpm();
        if (blank(d.referenceTemperature()) && ppm == null) {
            return null;
        }
        if (blank(d.referenceTemperature()) || ppm == null) {
            throw new RefusedException("error.standard.temperatureDependence");
        }
        Quantity t0 = quantity(d.referenceTemperature(), "field.standardValue.referenceTemperature",
                Units.of("°C"));
        BigDecimal celsius = t0.to(Units.of("°C")).value();
        if (celsius.compareTo(new BigDecimal("-50")) < 0 || celsius.compareTo(new BigDecimal("100")) > 0
                || ppm.abs().compareTo(new BigDecimal("10000")) > 0 || !InputLimits.fits(ppm, 5, 6)) {
            throw new RefusedException("error.standard.temperatureDependenceBounds", t0, ppm.toPlainString());
        }
        return new StandardValue.TemperatureDependence(t0, ppm.movePointLeft(6));
    }

    /**
     * "9.000018 V": a decimal number, a space, a unit this system knows, of the same kind as {@code kind} (if
     * given), with at most 18 digits before and 12 after the point (standard_value's columns).
     */
    private static Quantity quantity(String text, String fieldKey, Unit kind) {
        String t = text == null ? "" : text.strip();
        String[] parts = t.split("\\s+");
        try {
            if (parts.length == 2) {
                BigDecimal number = new BigDecimal(parts[0]);
                var unit = Units.find(parts[1]);
                if (unit.isPresent() && (kind == null || unit.get().sameKindAs(kind))
                        && InputLimits.fits(number, 18, 12)) {
                    return new Quantity(number, unit.get());
                }
            }
        } catch (NumberFormatException e) {
            // refused below with the field's name
        }
        throw new RefusedException("error.standard.valueQuantity", new Messages.Key(fieldKey),
                t.length() > 40 ? t.substring(0, 40) + "…" : t, kind == null ? "V, mV, Ω, kΩ, kPa …"
                        : String.join(", ", Units.ofKind(kind.kind()).stream().map(Unit::symbol).toList()));
    }

    private MeasurementStandard existing(String code) {
        return require(code);
    }

    /** The standard of this code (blanks around it ignored); refused as not found otherwise. */
    @PermitAll
    public MeasurementStandard require(String code) {
        String c = code == null ? "" : code.strip();
        return findByCode(c).orElseThrow(() -> new RefusedException("error.standard.notFound", c));
    }

    private static void dates(StandardDetails d) {
        if (d.calibratedOn() == null || d.dueDate() == null || d.dueDate().isBefore(d.calibratedOn())) {
            throw new RefusedException("error.standard.dates", d.calibratedOn(), d.dueDate());
        }
    }


    private void record(String action, String code, String before, String after, String reason) {
        audit.record(new AuditEvent(currentUser.account().username(), action, "MeasurementStandard", code, null,
                before, after, reason));
    }

    @PermitAll
    public Optional<MeasurementStandard> findByCode(String code) {
        return em.createQuery("select s from MeasurementStandard s where s.code = :c", MeasurementStandard.class)
                .setParameter("c", code).getResultStream().findFirst();
    }
}
