package org.jiliang.instrument.vaisala;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A serial-line command of a Vaisala transmitter (PTU300, HMT330 and their family): a keyword and
 * space-separated arguments, any case, ending in CR (Vaisala PTU300 User's Guide M210796EN, chapter
 * "Operation", serial line commands).
 *
 * @param name      the keyword in upper case, e.g. {@code SEND}
 * @param arguments the arguments as written, e.g. {@code 5} and {@code s} for {@code INTV 5 s}
 */
public record VaisalaCommand(String name, List<String> arguments) {

    private static final Pattern NAME = Pattern.compile("[A-Z?][A-Z0-9?]*");
    private static final Pattern ARGUMENT = Pattern.compile("[!-~]+");

    /** Output the reading once (STOP mode). */
    public static final VaisalaCommand SEND = of("SEND");
    /** Start continuous output at the INTV interval (RUN mode). */
    public static final VaisalaCommand RUN = of("R");
    /** Stop continuous output. */
    public static final VaisalaCommand STOP = of("S");
    /** Software version. */
    public static final VaisalaCommand VERSION = of("VERS");
    /** Current errors. */
    public static final VaisalaCommand ERRORS = of("ERRS");

    public VaisalaCommand {
        Objects.requireNonNull(name, "name");
        name = name.toUpperCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a Vaisala serial command");
        }
        arguments = List.copyOf(arguments);
        for (String argument : arguments) {
            if (!ARGUMENT.matcher(argument).matches()) {
                throw new IllegalArgumentException("Vaisala command arguments are printable ASCII without spaces: '" + argument + "'");
            }
        }
    }

    public static VaisalaCommand of(String name, String... arguments) {
        return new VaisalaCommand(name, List.of(arguments));
    }

    /** {@code SEND aa} in POLL mode, to the transmitter with that address (0 to 99). */
    public static VaisalaCommand send(int address) {
        if (address < 0 || address > 99) {
            throw new IllegalArgumentException("address must be 0 to 99: " + address);
        }
        return of("SEND", String.valueOf(address));
    }

    /** {@code INTV n S|MIN|H}: the output interval of RUN mode. */
    public static VaisalaCommand interval(int amount, String unit) {
        return of("INTV", String.valueOf(amount), unit);
    }

    /** Reads a command written as text, e.g. {@code send} or {@code INTV 5 s}; a trailing CR or CR LF is ignored. */
    public static VaisalaCommand parse(String text) {
        Objects.requireNonNull(text, "text");
        String line = text.strip();
        if (line.isEmpty()) {
            throw new IllegalArgumentException("empty Vaisala command");
        }
        String[] words = line.split("\\s+");
        return new VaisalaCommand(words[0], Arrays.asList(words).subList(1, words.length));
    }

    /** Whether the transmitter answers with a measurement message once ({@code SEND}). */
    public boolean isSend() {
        return name.equals("SEND");
    }

    /** {@code S} prints nothing (with ECHO OFF); every other command answers with at least one line. */
    public boolean expectsReply() {
        return !name.equals("S");
    }

    public String text() {
        return arguments.isEmpty() ? name : name + " " + String.join(" ", arguments);
    }

    /** ASCII ending in CR, as typed on a terminal. */
    public byte[] encode() {
        return (text() + "\r").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return text();
    }
}
