package org.jiliang.instrument.sbi;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** A decoded line of Sartorius SBI output (protocols.md 4.2): a value, a {@code Stat} code, other text, or garbage. */
public sealed interface SbiResponse {

    /**
     * A weight line of the 16-character format ({@code +   123.56 g  } CR LF) or of the 22-character
     * format, which puts a 6-character identification code in front ({@code N     +   123.56 g  }).
     *
     * @param idCode    the identification code, stripped (e.g. {@code N} for net); empty in the 16-character format
     * @param value     the value with the displayed scale; a display without decimal point gives an integer
     * @param unit      the unit symbol, or {@code null} when the unit field is blank
     * @param bracketed whether the value was marked {@code [ ]} as having a non-verified digit
     */
    record Value(String idCode, BigDecimal value, String unit, boolean bracketed) implements SbiResponse {
        public Value {
            Objects.requireNonNull(idCode, "idCode");
            Objects.requireNonNull(value, "value");
        }

        public Optional<String> unitSymbol() {
            return Optional.ofNullable(unit);
        }
    }

    /**
     * A special code: {@code Stat} in positions 1–4 followed by e.g. {@code High}, {@code Low},
     * {@code ERR ###} or {@code Cal.Ext.}.
     *
     * @param kind        what the code means
     * @param text        the text after {@code Stat}, stripped
     * @param errorNumber the number after {@code ERR}, or {@code null}
     */
    record Status(Kind kind, String text, Integer errorNumber) implements SbiResponse {

        public enum Kind {
            /** {@code High}: overload. */
            HIGH,
            /** {@code Low}: underload. */
            LOW,
            /** {@code ERR ###}. */
            ERROR,
            /** Any other status text, e.g. {@code Cal.Ext.} during an adjustment. */
            OTHER
        }

        public Status {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    /** A printable line that is neither a value nor a status, e.g. the answer to {@code ESC x1_} (the model). */
    record Text(String text) implements SbiResponse {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Anything that is not a well-formed SBI line; {@code reason} says why in plain English. */
    record Malformed(String reason) implements SbiResponse {
        public Malformed {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a malformed response needs a reason");
            }
        }
    }
}
