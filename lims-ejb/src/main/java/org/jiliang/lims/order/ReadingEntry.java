package org.jiliang.lims.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * A value the technician typed at a point, kept with the reading exactly as typed: the field's name (as the job's
 * method names it), the value's text and its unit (null for a choice or a remark).
 */
@Embeddable
public class ReadingEntry {

    /** Lengths of reading_entry's columns (V016). */
    public static final int MAX_NAME = 40;
    public static final int MAX_VALUE = 200;

    @Column(nullable = false, updatable = false)
    private String name;
    @Column(name = "value_text", nullable = false, updatable = false)
    private String valueText;
    @Column(updatable = false)
    private String unit;

    protected ReadingEntry() {
    }

    public ReadingEntry(String name, String valueText, String unit) {
        this.name = Objects.requireNonNull(name, "name");
        this.valueText = Objects.requireNonNull(valueText, "valueText");
        this.unit = unit;
    }

    public String name() {
        return name;
    }

    public String valueText() {
        return valueText;
    }

    public String unit() {
        return unit;
    }

    /** "272 mmHg", "符合": the value with its unit, as shown and signed. */
    @Override
    public String toString() {
        return unit == null ? valueText : valueText + " " + unit;
    }
}
