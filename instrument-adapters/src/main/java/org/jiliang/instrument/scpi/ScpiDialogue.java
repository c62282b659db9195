package org.jiliang.instrument.scpi;

import java.util.List;
import java.util.Optional;

import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.Answered;
import org.jiliang.instrument.reading.DeviceDialogue;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.ReadingStatus;

/**
 * One connection to a SCPI meter: a reading's quantity is what was asked ({@code MEAS:RES?} gives ohms) or,
 * for {@code READ?} and {@code FETC?}, the function last selected on this connection by {@code CONF:…},
 * {@code MEAS:…?} or {@code [SENS:]FUNC …}, or told by the meter's answer to {@code FUNC?}; never a default
 * (docs/scpi.md). While the function is not known, {@code FUNC?} is asked before a {@code READ?}.
 *
 * <p>With a Druck PACE the quantity is always the pressure, and its unit is the one the instrument named when asked
 * {@code :UNIT:PRES?}. That is asked before a {@code :SENS:PRES?} while the unit is not known: on a new connection,
 * after {@code *RST}, and after every {@code :UNIT:PRES} command, whose effect is not taken on trust (the instrument
 * may have refused it).
 */
public final class ScpiDialogue implements DeviceDialogue {

    private final ScpiCodec codec;
    private String function;
    /** A PACE's pressure unit as the instrument named it, as a symbol ({@code kPa}); null until it is asked. */
    private String pressureUnit;

    ScpiDialogue(ScpiCodec codec) {
        this.codec = codec;
    }

    /** The function the meter is set to as far as this connection knows, in short form; empty if not known. */
    public Optional<String> function() {
        return Optional.ofNullable(function);
    }

    @Override
    public void sent(String command) {
        ScpiCommand parsed = parse(command);
        if (parsed == null) {
            return;
        }
        if (parsed.shortHeader().equals("*RST")) {
            function = null; // the reset state is the meter's own; ask it
            pressureUnit = null;
            return;
        }
        if (codec.isPace() && parsed.shortHeader().equals("UNIT:PRES")) {
            pressureUnit = null; // the instrument says which unit it took when asked
            return;
        }
        parsed.selectedFunction().ifPresent(this::learn);
    }

    @Override
    public DeviceReading interpret(String command, RawFrame frame) {
        ScpiCommand asked = command == null ? null : parse(command);
        DeviceReading reading = read(codec, asked, codec.isPace() ? pressureUnit : function, frame);
        if (asked != null && codec.isPace() && asked.shortHeader().equals("UNIT:PRES?")) {
            pressureUnit = codec.pressureUnitIn(frame.bytes()).orElse(null);
        }
        if (asked != null && asked.isFunctionQuery() && reading.status() == ReadingStatus.DEVICE_ANSWER) {
            ScpiCommand.functionNamed(((ScpiResponse.Text) codec.decodeReply(command, frame.bytes())).text())
                    .ifPresent(this::learn);
        }
        return reading;
    }

    /**
     * Takes the function the meter is set to now. A name longer than an {@link Answered} may carry (no SCPI function
     * is) is not taken: the next {@code READ?} asks {@code FUNC?} again and reads as malformed if the unit is not known.
     */
    private void learn(String selected) {
        function = selected.length() <= Answered.MAX_SETTING ? selected : null;
    }

    /**
     * The function a {@code READ?} or {@code FETC?} answer would be named after now, or the unit of a PACE's
     * {@code :SENS:PRES?} answer; {@code null} for any other command.
     */
    @Override
    public String settingFor(String command) {
        ScpiCommand asked = parse(command);
        if (asked != null && codec.isPace()) {
            return codec.isReadingQuery(asked) ? pressureUnit : null;
        }
        return asked != null && asked.isMeasurementQuery() && asked.measurementFunction().isEmpty() ? function : null;
    }

    /**
     * The reading of an answer to {@code asked} on a connection set to {@code setting} (a meter's function; a PACE's
     * pressure unit; {@code null}: not known), learning nothing: what this dialogue does on the wire and what the
     * server does with a frame an agent forwarded.
     */
    static DeviceReading read(ScpiCodec codec, ScpiCommand asked, String setting, RawFrame frame) {
        if (asked == null) {
            return codec.interpret(frame);
        }
        ScpiResponse response = codec.decodeReply(asked.text(), frame.bytes());
        if (response instanceof ScpiResponse.Malformed m) {
            return DeviceReading.malformed(frame, m.reason());
        }
        if (response instanceof ScpiResponse.Identification) {
            return DeviceReading.identity(frame);
        }
        if (response instanceof ScpiResponse.ErrorEntry entry) {
            return ScpiCodec.errorEntry(frame, entry);
        }
        if (asked.isFunctionQuery()) {
            Optional<String> told = response instanceof ScpiResponse.Text text ? ScpiCommand.functionNamed(text.text()) : Optional.empty();
            return told.isPresent() ? DeviceReading.withoutValue(frame, ReadingStatus.DEVICE_ANSWER)
                    : DeviceReading.malformed(frame, "'" + frame.text().strip() + "' names no measurement function");
        }
        if (!codec.isReadingQuery(asked)) {
            return DeviceReading.withoutValue(frame, ReadingStatus.DEVICE_ANSWER);
        }
        if (codec.isPace()) {
            if (setting == null || !ScpiCodec.PACE_UNITS.containsValue(setting)) {
                return DeviceReading.malformed(frame, "the answer to " + asked.header() + " has no known unit: the PACE did"
                        + " not name kPa or mmHg when asked " + ScpiCodec.PACE_UNIT_QUERY);
            }
            return ScpiCodec.readings(frame, response, codec.function(), setting);
        }
        // a calibrator's OUT? answer names its own function (V, OHM); a meter's answer is of the function asked or set
        String of = response instanceof ScpiResponse.Readings r && r.function() != null ? r.function()
                : asked.measurementFunction().orElse(setting);
        if (of == null) {
            return DeviceReading.malformed(frame, "the answer to " + asked.shortHeader() + " has no known quantity: the meter"
                    + " did not tell its function (FUNC?) and none was selected (CONF:…) on this connection");
        }
        String unit = codec.unitOf(of);
        if (unit == null) {
            return DeviceReading.malformed(frame, "the unit of SCPI function " + of + " is not known");
        }
        return ScpiCodec.readings(frame, response, of, unit);
    }

    @Override
    public List<String> questionsBefore(String command) {
        ScpiCommand parsed = parse(command);
        if (codec.isPace()) {
            return parsed != null && codec.isReadingQuery(parsed) && pressureUnit == null
                    ? List.of(ScpiCodec.PACE_UNIT_QUERY) : List.of();
        }
        boolean needsFunction = parsed != null && parsed.isMeasurementQuery() && parsed.measurementFunction().isEmpty();
        return needsFunction && function == null ? List.of("FUNC?") : List.of();
    }

    @Override
    public String errorQueueQuery() {
        return ScpiCommand.NEXT_ERROR.text();
    }

    @Override
    public Optional<DeviceDialogue.ErrorEntry> errorEntryIn(byte[] frame) {
        return codec.decodeReply(ScpiCommand.NEXT_ERROR.text(), frame) instanceof ScpiResponse.ErrorEntry entry
                ? Optional.of(new DeviceDialogue.ErrorEntry(entry.code() + ",\"" + entry.message() + "\"", entry.isNoError()))
                : Optional.empty();
    }

    static ScpiCommand parse(String command) {
        try {
            return command == null ? null : ScpiCommand.parse(command);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
