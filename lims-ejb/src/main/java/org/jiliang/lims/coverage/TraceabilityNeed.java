package org.jiliang.lims.coverage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Units;

/**
 * A traceability need of the region (issue 15): a kind of quantity and the range over which the region's
 * instruments must be traceable to a public standard (the 20 kg to 40 kg of platform-scale verification, the 0 to
 * 40 kPa of sphygmomanometers), for one district or the whole region, with where the need comes from. Retired, it
 * stays with the reason and no longer counts.
 */
@Entity
@Table(name = "traceability_need")
public class TraceabilityNeed {

    public static final int MAX_DESCRIPTION = 200;
    public static final int MAX_SOURCE = 200;
    public static final int MAX_REASON = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String description;

    @Column(name = "range_lower", nullable = false, updatable = false, precision = 19, scale = 9)
    private BigDecimal rangeLower;

    @Column(name = "range_upper", nullable = false, updatable = false, precision = 19, scale = 9)
    private BigDecimal rangeUpper;

    @Column(name = "range_unit", nullable = false, updatable = false)
    private String rangeUnit;

    /** The district that needs it; null: the whole region. */
    @Column(updatable = false)
    private String district;

    @Column(nullable = false, updatable = false)
    private String source;

    @Column(name = "registered_by", nullable = false, updatable = false)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Column(name = "retired_by")
    private String retiredBy;

    @Column(name = "retired_reason")
    private String retiredReason;

    protected TraceabilityNeed() {
    }

    /** {@code range}: its lower and upper end, of one kind, in the lower end's unit. */
    public TraceabilityNeed(String description, Span range, String district, String source, String registeredBy,
            Instant registeredAt) {
        this.description = description;
        this.rangeLower = range.lower().value();
        // both ends in one unit (the register asks for one); another unit converts exactly
        this.rangeUpper = range.upper().unit().equals(range.lower().unit()) ? range.upper().value()
                : range.upper().to(range.lower().unit()).value();
        this.rangeUnit = range.lower().unit().symbol();
        this.district = district;
        this.source = source;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
    }

    void retire(String by, Instant at, String reason) {
        this.retiredBy = by;
        this.retiredAt = at;
        this.retiredReason = reason;
    }

    public Long id() {
        return id;
    }

    public String description() {
        return description;
    }

    public Span range() {
        var unit = Units.of(rangeUnit);
        return new Span(new Quantity(rangeLower, unit).stripped(), new Quantity(rangeUpper, unit).stripped(), description);
    }

    public String district() {
        return district;
    }

    public String source() {
        return source;
    }

    public boolean retired() {
        return retiredAt != null;
    }

    String describe() {
        return description + ": " + range() + (district == null ? "" : " (" + district + ")") + "; source " + source
                + (retiredAt == null ? "" : "; retired: " + retiredReason);
    }
}
