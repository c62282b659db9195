package org.jiliang.instrument.mtsics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A decoded MT-SICS response line. The general form is {@code <ID> <Status> [<data…>] [<unit>]},
 * where ID echoes the command (protocols.md 4.1); each record below is one meaning of that form.
 */
public sealed interface MtSicsResponse {

    /** A weight value, e.g. {@code S S     100.00 g} or {@code T S 25.0 g}; the value keeps the device's scale. */
    record WeightValue(String command, boolean stable, BigDecimal value, String unit) implements MtSicsResponse {
        public WeightValue {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** Status {@code +}: the load is above the range, e.g. {@code S +}. */
    record Overload(String command) implements MtSicsResponse {
    }

    /** Status {@code -}: below the range, e.g. {@code S -} when the pan is not in place. */
    record Underload(String command) implements MtSicsResponse {
    }

    /** Status {@code I}: understood but not executable now (busy, or no stability in time), e.g. {@code S I}. */
    record NotExecutable(String command) implements MtSicsResponse {
    }

    /** Status {@code L}: logical error or incorrect parameter, e.g. {@code TA L}. */
    record IncorrectParameter(String command) implements MtSicsResponse {
    }

    /** {@code ES}, {@code ET} or {@code EL}: the command was not accepted at all. */
    record CommandError(Kind kind) implements MtSicsResponse {

        public enum Kind {
            SYNTAX("ES", "syntax error: command not recognised or not allowed"),
            TRANSMISSION("ET", "transmission error (parity error or interface break)"),
            LOGICAL("EL", "logical error: command cannot be executed");

            private final String code;
            private final String description;

            Kind(String code, String description) {
                this.code = code;
                this.description = description;
            }

            public String code() {
                return code;
            }

            public String description() {
                return description;
            }
        }

        public CommandError {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Status {@code A} without quoted text, e.g. {@code Z A}, {@code TAC A} or {@code TA A 0.00 g}; data fields as sent. */
    record Acknowledged(String command, List<String> data) implements MtSicsResponse {
        public Acknowledged {
            data = List.copyOf(data);
        }
    }

    /**
     * Status {@code A} with quoted text, e.g. {@code I4 A "B207696838"}. {@code fields} are all data
     * fields in order, quotes removed.
     */
    record TextInfo(String command, List<String> fields) implements MtSicsResponse {
        public TextInfo {
            fields = List.copyOf(fields);
        }

        /** The fields joined by a space: the serial number for I4, "type capacity unit" for I2. */
        public String text() {
            return String.join(" ", fields);
        }
    }

    /** Status {@code B}: not the last line, more follow (e.g. {@code C B}, {@code I0 B ...}); data fields, quotes removed. */
    record Intermediate(String command, List<String> data) implements MtSicsResponse {
        public Intermediate {
            data = List.copyOf(data);
        }
    }

    /** A weight-response error code such as {@code S S Error 10t} (MT-SICS spec 2.1.3.3). */
    record WeightErrorCode(String command, int code, boolean fromTerminal) implements MtSicsResponse {

        /** What the code means, e.g. "EEPROM error". */
        public String description() {
            return switch (code) {
                case 1 -> "boot error";
                case 2 -> "brand error";
                case 3 -> "checksum error";
                case 9 -> "option fail";
                case 10 -> "EEPROM error";
                case 11 -> "device mismatch";
                case 12 -> "hot plug out";
                case 14 -> "weight module / electronic mismatch";
                case 15 -> "adjustment needed";
                default -> "unknown error";
            };
        }
    }

    /** Anything that is not a well-formed MT-SICS response; {@code reason} says why in plain English. */
    record Malformed(String reason) implements MtSicsResponse {
        public Malformed {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a malformed response needs a reason");
            }
        }
    }
}
