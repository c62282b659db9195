package org.jiliang.lims.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.util.ArrayList;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jiliang.lims.bench.DeviceFrame;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.standard.MeasurementStandard;

/**
 * An indication captured into a test point with the additional small weights ΔL of the
 * changeover-point method: an original record, never updated. Errors and verdicts are computed
 * from readings by the procedure's rules (readings made before that kept theirs in the
 * legacy columns). A correction is a new reading that names the one it supersedes and why.
 */
@Entity
@Table(name = "point_reading")
public class PointReading {

    /** Length of the correction_reason column. */
    public static final int MAX_CORRECTION_REASON = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "test_point_id", updatable = false)
    private TestPoint point;

    /** The bench device's value; null at a point read only from what the technician typed. */
    @Column(name = "indication_value", updatable = false)
    private BigDecimal indicationValue;

    @Column(name = "additional_load", nullable = false, updatable = false)
    private BigDecimal additionalLoad;

    /** 1 for a single reading; 1..n within a repeatability series; 1 before and 2 after in discrimination. */
    @Column(name = "series_index", nullable = false, updatable = false)
    private int seriesIndex;

    @Column(name = "error_value", updatable = false)
    private BigDecimal errorValue;

    @Column(updatable = false)
    private String verdict;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "frame_id", updatable = false)
    private DeviceFrame frame;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "captured_by", updatable = false)
    private UserAccount capturedBy;

    @Column(name = "captured_at", nullable = false, updatable = false)
    private Instant capturedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supersedes_id", updatable = false)
    private PointReading supersedes;

    @Column(name = "correction_reason", updatable = false)
    private String correctionReason;
    /** Why a reading the method found implausible was accepted (issue 11); null for a plausible reading. */
    @Column(name = "accepted_reason", updatable = false, length = MAX_CORRECTION_REASON)
    private String acceptedReason;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "point_reading_standard", joinColumns = @JoinColumn(name = "reading_id"),
            inverseJoinColumns = @JoinColumn(name = "standard_id"))
    private Set<MeasurementStandard> standards = new HashSet<>();

    /** What the technician typed at the point, in the method's order (V016); empty for a point read from a device. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "reading_entry", joinColumns = @JoinColumn(name = "reading_id"))
    @OrderColumn(name = "ordinal")
    private List<ReadingEntry> entries = new ArrayList<>();

    /** The identity the instrument reported on the connection this reading came from (issue 9); null: not told. */
    @Column(name = "device_model", updatable = false)
    private String deviceModel;
    @Column(name = "device_serial_number", updatable = false)
    private String deviceSerialNumber;
    @Column(name = "device_software_version", updatable = false)
    private String deviceSoftwareVersion;

    protected PointReading() {
    }

    PointReading(TestPoint point, Quantity indication, Quantity additionalLoad, int seriesIndex, DeviceFrame frame,
            UserAccount capturedBy, Instant capturedAt, List<MeasurementStandard> standards, PointReading supersedes,
            String correctionReason, List<ReadingEntry> entries) {
        this.point = point;
        this.indicationValue = indication == null ? null : indication.value();
        this.entries = new ArrayList<>(entries);
        this.additionalLoad = additionalLoad.value();
        this.seriesIndex = seriesIndex;
        this.frame = frame;
        this.capturedBy = capturedBy;
        this.capturedAt = capturedAt;
        this.standards = new HashSet<>(standards);
        this.supersedes = supersedes;
        this.correctionReason = correctionReason;
    }

    public Long id() {
        return id;
    }

    /** Records who the instrument said it was when this reading was taken; before the reading is stored. */
    public void takenWith(String model, String serialNumber, String softwareVersion) {
        this.deviceModel = model;
        this.deviceSerialNumber = serialNumber;
        this.deviceSoftwareVersion = softwareVersion;
    }

    public String deviceModel() {
        return deviceModel;
    }

    public String deviceSerialNumber() {
        return deviceSerialNumber;
    }

    public String deviceSoftwareVersion() {
        return deviceSoftwareVersion;
    }

    /** What the technician typed, in the method's order. */
    public List<ReadingEntry> entries() {
        return List.copyOf(entries);
    }

    /** The typed value of a field; empty if the reading has none. */
    public java.util.Optional<ReadingEntry> entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The bench device's value in the point's unit; null when nothing was read from a device. */
    public BigDecimal indicationValue() {
        return indicationValue;
    }

    public BigDecimal additionalLoad() {
        return additionalLoad;
    }

    public int seriesIndex() {
        return seriesIndex;
    }

    /** Only readings made before results were computed from raw readings (V003) carry these. */
    public BigDecimal legacyErrorValue() {
        return errorValue;
    }

    public DeviceFrame frame() {
        return frame;
    }

    public UserAccount capturedBy() {
        return capturedBy;
    }

    public Instant capturedAt() {
        return capturedAt;
    }

    public PointReading supersedes() {
        return supersedes;
    }

    /** Records why the technician accepted a reading the method found implausible; before it is stored. */
    void acceptedBecause(String reason) {
        this.acceptedReason = reason;
    }

    public String acceptedReason() {
        return acceptedReason;
    }

    public String correctionReason() {
        return correctionReason;
    }

    public Set<MeasurementStandard> standards() {
        return Set.copyOf(standards);
    }
}
