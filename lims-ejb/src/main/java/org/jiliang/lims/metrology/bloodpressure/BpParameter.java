package org.jiliang.lims.metrology.bloodpressure;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jiliang.lims.metrology.scale.EvidenceTag;

/**
 * A figure of a procedure edition that is not a limit (procedure-parameters.csv): a condition, a start pressure,
 * a rule read by eye.
 *
 * @param value as written in the data: a number, a pair "26 32", or a text
 * @param unit  as written in the data; "-" for a text
 */
public record BpParameter(String name, String value, String unit, String source, EvidenceTag tag) {

    public BpParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tag, "tag");
    }

    /** The numbers of the value, e.g. [26, 32] for "26 32". */
    public List<BigDecimal> numbers() {
        try {
            return Arrays.stream(value.strip().split("\\s+")).map(BigDecimal::new).toList();
        } catch (NumberFormatException ex) {
            throw new IllegalStateException("Parameter " + name + " = \"" + value + "\" is not a number", ex);
        }
    }
}
