package org.jiliang.instrument.scpi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A SCPI / IEEE 488.2 program message unit: a header such as {@code MEASure:VOLTage:DC?} or
 * {@code *IDN?} and its comma-separated parameters, sent as ASCII ending in LF (protocols.md 4.3).
 *
 * <p>Mnemonics may be written long ({@code MEASure}) or short ({@code MEAS}), in any case;
 * {@link #shortHeader()} gives the canonical upper-case short form for the mnemonics this project
 * uses, so {@code meas:volt:dc?} and {@code MEASure:VOLTage:DC?} compare equal.
 *
 * @param header     the header as written, e.g. {@code CONF:VOLT:DC} or {@code *IDN?}
 * @param parameters the parameters as written, e.g. {@code 10} and {@code 0.001}
 */
public record ScpiCommand(String header, List<String> parameters) {

    private static final Pattern HEADER = Pattern.compile("\\*[A-Za-z]+\\??|:?[A-Za-z][A-Za-z0-9]*(:[A-Za-z][A-Za-z0-9]*)*\\??");
    private static final Pattern PARAMETER = Pattern.compile("[^,;\\r\\n\"]+|\"[^\"]*\"");

    /** Long forms of the mnemonics used here, keyed by their short form. */
    private static final Map<String, String> LONG_FORMS = Map.ofEntries(
            Map.entry("MEAS", "MEASURE"), Map.entry("CONF", "CONFIGURE"), Map.entry("VOLT", "VOLTAGE"),
            Map.entry("CURR", "CURRENT"), Map.entry("RES", "RESISTANCE"), Map.entry("FRES", "FRESISTANCE"),
            Map.entry("FREQ", "FREQUENCY"), Map.entry("PER", "PERIOD"), Map.entry("TEMP", "TEMPERATURE"),
            Map.entry("CAP", "CAPACITANCE"), Map.entry("SYST", "SYSTEM"), Map.entry("ERR", "ERROR"),
            Map.entry("COUN", "COUNT"), Map.entry("FETC", "FETCH"), Map.entry("INIT", "INITIATE"),
            Map.entry("TRIG", "TRIGGER"), Map.entry("SOUR", "SOURCE"), Map.entry("OUTP", "OUTPUT"),
            Map.entry("SENS", "SENSE"), Map.entry("FUNC", "FUNCTION"), Map.entry("RANG", "RANGE"),
            Map.entry("PRES", "PRESSURE"), Map.entry("INST", "INSTRUMENT"), Map.entry("LIM", "LIMITS"));

    public static final ScpiCommand IDN = parse("*IDN?");
    public static final ScpiCommand RST = parse("*RST");
    public static final ScpiCommand CLS = parse("*CLS");
    public static final ScpiCommand OPC_QUERY = parse("*OPC?");
    public static final ScpiCommand NEXT_ERROR = parse("SYST:ERR?");
    public static final ScpiCommand ERROR_COUNT = parse("SYST:ERR:COUN?");
    public static final ScpiCommand READ = parse("READ?");
    public static final ScpiCommand FETCH = parse("FETC?");
    public static final ScpiCommand INITIATE = parse("INIT");

    public ScpiCommand {
        Objects.requireNonNull(header, "header");
        if (!HEADER.matcher(header).matches()) {
            throw new IllegalArgumentException("'" + header + "' is not a SCPI header");
        }
        parameters = List.copyOf(parameters);
        for (String parameter : parameters) {
            if (!PARAMETER.matcher(parameter).matches()) {
                throw new IllegalArgumentException("'" + parameter + "' is not a SCPI parameter");
            }
        }
    }

    public static ScpiCommand of(String header, String... parameters) {
        return new ScpiCommand(header, List.of(parameters));
    }

    /** {@code CONFigure:<function> [<range>[,<resolution>]]}, e.g. {@code configure("VOLT:DC", "10")}. */
    public static ScpiCommand configure(String function, String... rangeAndResolution) {
        return new ScpiCommand("CONF:" + function, List.of(rangeAndResolution));
    }

    /** {@code MEASure:<function>? [<range>[,<resolution>]]}. */
    public static ScpiCommand measure(String function, String... rangeAndResolution) {
        return new ScpiCommand("MEAS:" + function + "?", List.of(rangeAndResolution));
    }

    /**
     * Reads one command written as text, e.g. {@code "MEAS:VOLT:DC? 10,0.001"}. Surrounding whitespace
     * and a trailing CR LF are ignored; several commands joined by {@code ;} are not supported here.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static ScpiCommand parse(String text) {
        Objects.requireNonNull(text, "text");
        String line = text.strip();
        if (line.isEmpty()) {
            throw new IllegalArgumentException("empty SCPI command");
        }
        int space = indexOfWhitespace(line);
        String header = space < 0 ? line : line.substring(0, space);
        List<String> parameters = new ArrayList<>();
        if (space >= 0) {
            for (String parameter : line.substring(space + 1).split(",", -1)) {
                parameters.add(parameter.strip());
            }
        }
        return new ScpiCommand(header, parameters);
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    public boolean isQuery() {
        return header.endsWith("?");
    }

    public boolean isCommon() {
        return header.startsWith("*");
    }

    /** The header in upper-case short form without a leading colon, e.g. {@code MEAS:VOLT:DC?} for {@code :measure:voltage:dc?}. */
    public String shortHeader() {
        String h = header.startsWith(":") ? header.substring(1) : header;
        boolean query = h.endsWith("?");
        if (query) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("*")) {
            return h.toUpperCase(Locale.ROOT) + (query ? "?" : "");
        }
        StringBuilder shortForm = new StringBuilder();
        for (String mnemonic : h.toUpperCase(Locale.ROOT).split(":")) {
            if (shortForm.length() > 0) {
                shortForm.append(':');
            }
            shortForm.append(shortForm(mnemonic));
        }
        return shortForm.append(query ? "?" : "").toString();
    }

    private static String shortForm(String mnemonic) {
        for (Map.Entry<String, String> entry : LONG_FORMS.entrySet()) {
            if (mnemonic.equals(entry.getValue())) {
                return entry.getKey();
            }
        }
        return mnemonic;
    }

    /**
     * The measurement function of a {@code MEAS} or {@code CONF} command in short form, e.g.
     * {@code VOLT:DC} (IEEE 488.2 defaults {@code VOLT} to DC), or empty for other commands.
     */
    public java.util.Optional<String> measurementFunction() {
        String h = shortHeader();
        if (h.endsWith("?")) {
            h = h.substring(0, h.length() - 1);
        }
        for (String prefix : List.of("MEAS:", "CONF:")) {
            if (h.startsWith(prefix) && h.length() > prefix.length()) {
                String function = h.substring(prefix.length());
                return java.util.Optional.of(function.equals("VOLT") || function.equals("CURR") ? function + ":DC" : function);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The function a command selects: {@code CONF:<f>}, {@code MEAS:<f>?} (a MEASure is a CONFigure and a
     * READ?) or {@code [SENS:]FUNC "<f>"}; empty for other commands.
     */
    public java.util.Optional<String> selectedFunction() {
        java.util.Optional<String> measured = measurementFunction();
        if (measured.isPresent()) {
            return measured;
        }
        String h = shortHeader();
        if ((h.equals("FUNC") || h.equals("SENS:FUNC")) && parameters.size() == 1) {
            return functionNamed(parameters.get(0));
        }
        return java.util.Optional.empty();
    }

    /** Whether this asks for the selected function: {@code [SENS:]FUNC?}. */
    public boolean isFunctionQuery() {
        String h = shortHeader();
        return h.equals("FUNC?") || h.equals("SENS:FUNC?");
    }

    /** A function as a meter names it in {@code FUNC} or its answer to {@code FUNC?} ({@code "VOLT"}, {@code RES}), in short form. */
    public static java.util.Optional<String> functionNamed(String text) {
        String name = text.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).strip();
        }
        try {
            return parse("CONF:" + name).measurementFunction();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether the instrument answers with readings: {@code MEAS:…?}, {@code READ?}, {@code FETC?}. */
    public boolean isMeasurementQuery() {
        String h = shortHeader();
        return h.equals("READ?") || h.equals("FETC?") || (h.startsWith("MEAS:") && h.endsWith("?"));
    }

    /**
     * {@code OUT?}: a calibrator's source output, answered with the value and its unit ({@code +9.000000E+00,V,…});
     * a reading of what the calibrator puts out.
     */
    public boolean isSourceQuery() {
        return shortHeader().equals("OUT?");
    }

    /** The command as text, without terminator. */
    public String text() {
        return parameters.isEmpty() ? header : header + " " + String.join(",", parameters);
    }

    /** ASCII bytes ending in LF, the IEEE 488.2 program message terminator. */
    public byte[] encode() {
        return (text() + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return text();
    }
}
