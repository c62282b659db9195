package org.jiliang.instrument.scpi;

import java.util.Map;
import java.util.Optional;

/**
 * The standard SCPI error messages this project's simulator and messages use, from the SCPI parser's
 * {@code error.h} (protocols.md 4.3). Device-specific errors are positive and carry their own text.
 */
public final class ScpiErrors {

    public static final int NO_ERROR = 0;
    public static final int COMMAND_ERROR = -100;
    public static final int DATA_TYPE_ERROR = -104;
    public static final int PARAMETER_NOT_ALLOWED = -108;
    public static final int MISSING_PARAMETER = -109;
    public static final int UNDEFINED_HEADER = -113;
    public static final int SETTINGS_CONFLICT = -221;
    public static final int DATA_OUT_OF_RANGE = -222;
    public static final int ILLEGAL_PARAMETER_VALUE = -224;
    public static final int QUEUE_OVERFLOW = -350;
    public static final int QUERY_INTERRUPTED = -410;

    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(0, "No error"), Map.entry(-100, "Command error"), Map.entry(-101, "Invalid character"),
            Map.entry(-102, "Syntax error"), Map.entry(-103, "Invalid separator"), Map.entry(-104, "Data type error"),
            Map.entry(-108, "Parameter not allowed"), Map.entry(-109, "Missing parameter"),
            Map.entry(-110, "Command header error"), Map.entry(-113, "Undefined header"),
            Map.entry(-115, "Unexpected number of parameters"), Map.entry(-120, "Numeric data error"),
            Map.entry(-200, "Execution error"), Map.entry(-220, "Parameter error"), Map.entry(-221, "Settings conflict"),
            Map.entry(-222, "Data out of range"), Map.entry(-224, "Illegal parameter value"),
            Map.entry(-230, "Data corrupt or stale"), Map.entry(-300, "Device specific error"),
            Map.entry(-350, "Queue overflow"), Map.entry(-363, "Input buffer overrun"), Map.entry(-400, "Query error"),
            Map.entry(-410, "Query INTERRUPTED"), Map.entry(-420, "Query UNTERMINATED"));

    private ScpiErrors() {
    }

    /** The standard message for a code, e.g. {@code Undefined header} for −113. */
    public static Optional<String> message(int code) {
        return Optional.ofNullable(MESSAGES.get(code));
    }
}
