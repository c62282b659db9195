package org.jiliang.lims.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One parameter of an instrument under test, as its kind's {@link ParameterSpec} accepted it: "dcv.ranges" =
 * "100 mV; 1 V; 10 V; 100 V; 1000 V". Written once at registration, like a scale's Max and e: jobs are planned from it.
 */
@Entity
@Table(name = "instrument_parameter")
public class InstrumentParameter {

    /** A checked value: its text (decimal numbers as written, a list separated by "; ") and unit, if any. */
    public record Value(String text, String unit) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instrument_id", updatable = false)
    private InstrumentUnderTest instrument;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "value_text", nullable = false, updatable = false)
    private String valueText;

    @Column(updatable = false)
    private String unit;

    protected InstrumentParameter() {
    }

    InstrumentParameter(InstrumentUnderTest instrument, String name, Value value) {
        this.instrument = instrument;
        this.name = name;
        this.valueText = value.text();
        this.unit = value.unit();
    }

    public String name() {
        return name;
    }

    public Value value() {
        return new Value(valueText, unit);
    }

    /** "10 V", "100 mV; 1 V; 10 V", "6½", for lists and the audit trail. */
    public String display() {
        return valueText + (unit == null ? "" : " " + unit);
    }
}
