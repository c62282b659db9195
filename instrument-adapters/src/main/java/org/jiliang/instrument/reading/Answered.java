package org.jiliang.instrument.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a frame of a conversation answers, as its connection's {@link DeviceDialogue} decided when it came: with
 * the frame's bytes, everything its reading depends on ({@link DeviceCodec#interpretAnswer}). It travels with the
 * frame (exchange header {@code CamelBenchDeviceAnswered}, a bench agent's journal and its {@code answers} field),
 * so that a frame read elsewhere from its bytes (the server re-reading what an agent forwards) is read the same.
 *
 * <p>Bounds shared by the agent and the server: printable ASCII only (what the device was sent and what a line
 * protocol answers), a command of at most {@value #MAX_COMMAND} characters, a setting of at most
 * {@value #MAX_SETTING}, at most {@value #MAX_ERRORS} error entries of at most {@value #MAX_ERROR} characters each.
 *
 * @param command      the command the frame answers as it was sent, e.g. {@code READ?}
 * @param setting      the device setting the answer is read with where the command alone does not say it (SCPI: the
 *                     measurement function a {@code READ?} returns, e.g. {@code RES}); {@code null} where none matters
 * @param deviceErrors the error-queue entries the device queued for the command, as it wrote them, e.g.
 *                     {@code -108,"Parameter not allowed"}; they make a reading a {@link ReadingStatus#DEVICE_ERROR}
 * @param late         the frame came after the answer to {@code command} had timed out: kept, never a reading
 */
public record Answered(String command, String setting, List<String> deviceErrors, boolean late) {

    public static final int MAX_COMMAND = 64;
    public static final int MAX_SETTING = 48;
    public static final int MAX_ERRORS = 32;
    public static final int MAX_ERROR = 300;
    /** The reason a late answer is malformed, with the command whose answer had timed out. */
    public static final String LATE_ANSWER = "late answer: arrived after the answer to %s had timed out; kept, not taken as a reading";

    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]*");
    private static final Pattern SETTING = Pattern.compile("[A-Za-z][A-Za-z0-9:]*");

    /** @throws IllegalArgumentException if a field breaks the bounds above, saying which */
    public Answered {
        if (command == null || command.isBlank() || command.length() > MAX_COMMAND
                || !PRINTABLE.matcher(command).matches()) {
            throw new IllegalArgumentException("the command must be 1 to " + MAX_COMMAND + " printable ASCII characters");
        }
        if (setting != null && (setting.length() > MAX_SETTING || !SETTING.matcher(setting).matches())) {
            throw new IllegalArgumentException("the setting must be a letter then letters, digits or ':', at most "
                    + MAX_SETTING + " characters");
        }
        List<String> entries = new ArrayList<>();
        for (String entry : deviceErrors == null ? List.<String>of() : deviceErrors) {
            if (entry == null) {
                throw new IllegalArgumentException("a device error must not be null");
            }
            entries.add(entry);
        }
        deviceErrors = List.copyOf(entries);
        if (deviceErrors.size() > MAX_ERRORS) {
            throw new IllegalArgumentException("at most " + MAX_ERRORS + " device errors");
        }
        for (String entry : deviceErrors) {
            if (entry.isBlank() || entry.length() > MAX_ERROR || !PRINTABLE.matcher(entry).matches()) {
                throw new IllegalArgumentException("each device error must be 1 to " + MAX_ERROR
                        + " printable ASCII characters");
            }
        }
    }

    /** The answer to {@code command}, nothing else known. */
    public static Answered to(String command) {
        return new Answered(command, null, List.of(), false);
    }

    /**
     * As a session builds it from what the device wrote: an error entry longer than {@value #MAX_ERROR} characters
     * (beyond what SCPI-99 allows a message) is cut, the rest as given.
     */
    public static Answered of(String command, String setting, List<String> deviceErrors, boolean late) {
        List<String> entries = new ArrayList<>();
        for (String entry : deviceErrors) {
            entries.add(entry.length() <= MAX_ERROR ? entry : entry.substring(0, MAX_ERROR - 3) + "...");
        }
        return new Answered(command, setting, entries, late);
    }

    /** The same answer with the errors its command queued. */
    public Answered withDeviceErrors(List<String> entries) {
        return of(command, setting, entries, late);
    }
}
