package org.jiliang.instrument.mtsics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An MT-SICS command: an upper-case identifier and its parameters, sent as ASCII ending in CR LF.
 *
 * <p>The constants cover level 0/1 commands this project uses; {@link #parse(String)} accepts any
 * well-formed command so that operators and the demo can send others (a device answers {@code ES}
 * to what it does not know).
 *
 * @param id         the command identifier, e.g. {@code SI} or {@code @}
 * @param parameters the parameters as they go on the wire, text parameters with their quotes
 */
public record MtSicsCommand(String id, List<String> parameters) {

    private static final Pattern ID = Pattern.compile("@|[A-Z][A-Z0-9]*");
    private static final Pattern UNIT = Pattern.compile("[A-Za-z%][A-Za-z0-9%/]{0,5}");

    /** Send the current stable weight value (waits for stability, or answers {@code S I}). */
    public static final MtSicsCommand S = of("S");
    /** Send the weight value immediately, stable or dynamic. */
    public static final MtSicsCommand SI = of("SI");
    /** Send the weight value immediately and repeat until cancelled by {@code @} or {@code C}. */
    public static final MtSicsCommand SIR = of("SIR");
    /** Zero when stable. */
    public static final MtSicsCommand Z = of("Z");
    /** Zero immediately. */
    public static final MtSicsCommand ZI = of("ZI");
    /** Tare when stable. */
    public static final MtSicsCommand T = of("T");
    /** Tare immediately. */
    public static final MtSicsCommand TI = of("TI");
    /** Query the tare value. */
    public static final MtSicsCommand TA = of("TA");
    /** Clear the tare. */
    public static final MtSicsCommand TAC = of("TAC");
    /** Reset, like power-on without zeroing; the device answers with its serial number as {@code I4 A}. */
    public static final MtSicsCommand RESET = of("@");
    /** MT-SICS level and versions. */
    public static final MtSicsCommand I1 = of("I1");
    /** Balance data: type, capacity, unit. */
    public static final MtSicsCommand I2 = of("I2");
    /** Software version. */
    public static final MtSicsCommand I3 = of("I3");
    /** Serial number. */
    public static final MtSicsCommand I4 = of("I4");
    /** Cancel all running commands (answers {@code C B}, then {@code C A}). */
    public static final MtSicsCommand C = of("C");

    public MtSicsCommand {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not an MT-SICS command identifier (upper case letters and digits, or @)");
        }
        parameters = List.copyOf(parameters);
        for (String parameter : parameters) {
            if (parameter.isEmpty() || !isPrintableAscii(parameter)) {
                throw new IllegalArgumentException("MT-SICS parameters are non-empty printable ASCII: '" + parameter + "'");
            }
        }
    }

    public static MtSicsCommand of(String id, String... parameters) {
        return new MtSicsCommand(id, List.of(parameters));
    }

    /** Preset the tare to a value, e.g. {@code TA 100.00 g}. */
    public static MtSicsCommand presetTare(BigDecimal value, String unit) {
        Objects.requireNonNull(value, "value");
        if (unit == null || !UNIT.matcher(unit).matches()) {
            throw new IllegalArgumentException("not a unit: '" + unit + "'");
        }
        return of("TA", value.toPlainString(), unit);
    }

    /**
     * Reads a command written as text, e.g. {@code "Z"}, {@code "TA 100.00 g"} or {@code "D \"Hello\""}.
     * Surrounding whitespace and a trailing CR LF are ignored.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static MtSicsCommand parse(String text) {
        Objects.requireNonNull(text, "text");
        String line = text.strip();
        if (line.isEmpty()) {
            throw new IllegalArgumentException("empty MT-SICS command");
        }
        if (!isPrintableAscii(line)) {
            throw new IllegalArgumentException("MT-SICS commands are printable ASCII on one line: '" + line + "'");
        }
        List<MtSicsTokens.Token> tokens;
        try {
            tokens = MtSicsTokens.split(line);
        } catch (MtSicsTokens.UnterminatedQuoteException e) {
            throw new IllegalArgumentException("MT-SICS command '" + line + "': " + e.getMessage());
        }
        MtSicsTokens.Token first = tokens.get(0);
        if (first.quoted()) {
            throw new IllegalArgumentException("MT-SICS command '" + line + "' starts with a quoted text");
        }
        return new MtSicsCommand(first.text(),
                tokens.subList(1, tokens.size()).stream().map(MtSicsTokens.Token::wire).toList());
    }

    /** The command as text, without terminator. */
    public String text() {
        return parameters.isEmpty() ? id : id + " " + String.join(" ", parameters);
    }

    /** ASCII bytes ending in CR LF. */
    public byte[] encode() {
        return (text() + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether the device answers with a single weight response ({@code S}, {@code SI}); {@code SIR} streams, so it is not one. */
    public boolean isWeightQuery() {
        return parameters.isEmpty() && (id.equals("S") || id.equals("SI"));
    }

    @Override
    public String toString() {
        return text();
    }

    static boolean isPrintableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
