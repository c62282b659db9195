package org.jiliang.instrument.sbi;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Sartorius SBI command: ESC followed by one upper-case letter (format 1, e.g. {@code ESC P}) or
 * by a lower-case letter, digits and an underscore (format 2, e.g. {@code ESC x1_}); protocols.md 4.2.
 * CR LF after a command is optional for the balance, so none is sent.
 *
 * <p>[!] Letter meanings differ between model families (older FB/BP: K–N are weighing modes 1–4 and
 * T is tare; Entris II: T zero/tare, U the TARE key, V the ZERO key). The constants below carry the
 * meaning of the current (Cubis MSE, Entris II) manuals; a profile for another family sends the
 * letter it needs with {@link #parse(String)}.
 *
 * @param code the characters after ESC, e.g. {@code P} or {@code x1_}
 */
public record SbiCommand(String code) {

    public static final byte ESC = 0x1B;

    private static final Pattern FORMAT_1 = Pattern.compile("[A-Z]");
    private static final Pattern FORMAT_2 = Pattern.compile("[a-z][0-9]{1,2}_");

    /** Print (send) the displayed value, with or without stability depending on the balance menu. */
    public static final SbiCommand PRINT = new SbiCommand("P");
    /** Tare and zero, like the TARE key of older models. */
    public static final SbiCommand TARE_ZERO = new SbiCommand("T");
    /** Tare (Entris II: the TARE key). */
    public static final SbiCommand TARE = new SbiCommand("U");
    /** Zero (Entris II: the ZERO key). */
    public static final SbiCommand ZERO = new SbiCommand("V");
    /** Filter for very stable conditions. */
    public static final SbiCommand FILTER_VERY_STABLE = new SbiCommand("K");
    /** Filter for stable conditions. */
    public static final SbiCommand FILTER_STABLE = new SbiCommand("L");
    /** Filter for unstable conditions. */
    public static final SbiCommand FILTER_UNSTABLE = new SbiCommand("M");
    /** Filter for very unstable conditions. */
    public static final SbiCommand FILTER_VERY_UNSTABLE = new SbiCommand("N");
    /** Block the keys. */
    public static final SbiCommand BLOCK_KEYS = new SbiCommand("O");
    /** Acoustic signal. */
    public static final SbiCommand BEEP = new SbiCommand("Q");
    /** Unblock the keys. */
    public static final SbiCommand UNBLOCK_KEYS = new SbiCommand("R");
    /** Restart the balance. */
    public static final SbiCommand RESTART = new SbiCommand("S");
    /** External adjustment with the default weight. */
    public static final SbiCommand EXTERNAL_ADJUSTMENT = new SbiCommand("W");
    /** Internal calibration / adjustment. */
    public static final SbiCommand INTERNAL_ADJUSTMENT = new SbiCommand("Z");
    /** Format 2: internal calibration. */
    public static final SbiCommand INTERNAL_CALIBRATION = new SbiCommand("x0_");
    /** Format 2: print the model. */
    public static final SbiCommand PRINT_MODEL = new SbiCommand("x1_");
    /** Format 2: print the serial number. */
    public static final SbiCommand PRINT_SERIAL_NUMBER = new SbiCommand("x2_");
    /** Format 2: print a software version. */
    public static final SbiCommand PRINT_SOFTWARE_VERSION = new SbiCommand("x3_");

    public SbiCommand {
        Objects.requireNonNull(code, "code");
        if (!FORMAT_1.matcher(code).matches() && !FORMAT_2.matcher(code).matches()) {
            throw new IllegalArgumentException("'" + code + "' is not an SBI command: ESC is followed by one upper-case"
                    + " letter (e.g. P) or by a lower-case letter, digits and '_' (e.g. x1_)");
        }
    }

    /**
     * Reads a command written as text: {@code P}, {@code ESC P}, {@code x1_}, {@code ESC x1_}, or the
     * bytes themselves starting with the ESC character. Surrounding whitespace and CR LF are ignored.
     */
    public static SbiCommand parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        if (t.startsWith("\u001B")) {
            t = t.substring(1);
        } else if (t.startsWith("ESC ")) {
            t = t.substring(4).strip();
        }
        return new SbiCommand(t);
    }

    /** ESC and the code, without CR LF. */
    public byte[] encode() {
        byte[] code = this.code.getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[code.length + 1];
        bytes[0] = ESC;
        System.arraycopy(code, 0, bytes, 1, code.length);
        return bytes;
    }

    /** Whether the balance answers with a weight line ({@code ESC P}). */
    public boolean isPrint() {
        return code.equals("P");
    }

    /**
     * Whether the balance answers at all: {@code ESC P} and the format-2 print commands
     * ({@code x1_} … {@code x5_}) do; the key, filter and adjustment commands only act.
     */
    public boolean expectsReply() {
        return isPrint() || (code.startsWith("x") && !code.equals("x0_"));
    }

    /** As written in manuals, e.g. {@code ESC P}. */
    @Override
    public String toString() {
        return "ESC " + code;
    }
}
