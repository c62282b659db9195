package org.jiliang.instrument.vaisala;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A decoded line of Vaisala transmitter output: a measurement message, other text, or garbage. */
public sealed interface VaisalaResponse {

    /**
     * One {@code label= value unit} group of a measurement message, e.g. {@code T= 23.1 'C}.
     *
     * @param label    the quantity as printed, e.g. {@code P}, {@code T}, {@code RH}
     * @param value    the value, or {@code null} when the transmitter printed stars
     * @param rawValue the value field as printed, e.g. {@code 23.1} or {@code ***.*}
     * @param unit     the unit as printed, e.g. {@code 'C}, {@code %RH}, {@code hPa}; empty if none
     */
    record Field(String label, BigDecimal value, String rawValue, String unit) {
        public Field {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(rawValue, "rawValue");
            Objects.requireNonNull(unit, "unit");
        }

        /** Stars: "value too long to fit to the allocated space or an error in outputting the quantity" (M210796EN). */
        public boolean isAvailable() {
            return value != null;
        }
    }

    /** A measurement message as output by {@code SEND} or {@code R}, e.g. {@code P= 1013.2 hPa T= 31.1 'C RH= 38.3 %RH}. */
    record Measurement(List<Field> fields) implements VaisalaResponse {
        public Measurement {
            fields = List.copyOf(fields);
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a measurement message has at least one field");
            }
        }

        public Optional<Field> field(String label) {
            return fields.stream().filter(f -> f.label().equals(label)).findFirst();
        }
    }

    /** Any other line, e.g. {@code Output intrv. : 5 s} or the answer to {@code VERS}. */
    record Text(String text) implements VaisalaResponse {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Anything that is not a well-formed line; {@code reason} says why in plain English. */
    record Malformed(String reason) implements VaisalaResponse {
        public Malformed {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a malformed response needs a reason");
            }
        }
    }
}
