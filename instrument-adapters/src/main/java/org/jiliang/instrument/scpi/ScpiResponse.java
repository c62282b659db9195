package org.jiliang.instrument.scpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** A decoded SCPI response line (protocols.md 4.3). */
public sealed interface ScpiResponse {

    /**
     * One or more readings, comma-separated NR1/NR2/NR3 numbers, overload and NaN values included; {@code function}
     * the function the answer names itself (a calibrator's {@code OUT?}), null when it is the one asked or selected.
     */
    record Readings(List<BigDecimal> values, String function) implements ScpiResponse {
        public Readings {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("readings need at least one value");
            }
        }

        /** Readings whose function is the one asked for or selected (a meter's answer names none). */
        public Readings(List<BigDecimal> values) {
            this(values, null);
        }
    }

    /** The answer to {@code *IDN?}: manufacturer, model, serial number, firmware; a missing field is {@code 0}. */
    record Identification(String manufacturer, String model, String serialNumber, String firmware) implements ScpiResponse {
        public Identification {
            Objects.requireNonNull(manufacturer, "manufacturer");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(serialNumber, "serialNumber");
            Objects.requireNonNull(firmware, "firmware");
        }
    }

    /** One entry of the error queue, {@code <code>,"<message>"}; {@code 0,"No error"} when the queue is empty. */
    record ErrorEntry(int code, String message) implements ScpiResponse {
        public ErrorEntry {
            Objects.requireNonNull(message, "message");
        }

        public boolean isNoError() {
            return code == 0;
        }
    }

    /** Any other response, e.g. the answer to {@code *OPC?} or {@code CONF?}, as sent without its terminator. */
    record Text(String text) implements ScpiResponse {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Anything that is not a well-formed response line; {@code reason} says why in plain English. */
    record Malformed(String reason) implements ScpiResponse {
        public Malformed {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a malformed response needs a reason");
            }
        }
    }
}
