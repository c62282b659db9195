package org.jiliang.instrument.scpi;

import java.util.List;
import java.util.Optional;

import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.DeviceDialogue;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.ReadingStatus;

/**
 * One connection to a SCPI meter: a reading's quantity is what was asked ({@code MEAS:RES?} gives ohms) or,
 * for {@code READ?} and {@code FETC?}, the function last selected on this connection by {@code CONF:…},
 * {@code MEAS:…?} or {@code [SENS:]FUNC …}, or told by the meter's answer to {@code FUNC?}; never a default
 * (docs/scpi.md). While the function is not known, {@code FUNC?} is asked before a {@code READ?}.
 */
public final class ScpiDialogue implements DeviceDialogue {

    private final ScpiCodec codec;
    private String function;

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
            return;
        }
        parsed.selectedFunction().ifPresent(selected -> function = selected);
    }

    @Override
    public DeviceReading interpret(String command, RawFrame frame) {
        ScpiCommand asked = command == null ? null : parse(command);
        if (asked == null) {
            return codec.interpret(frame);
        }
        ScpiResponse response = codec.decodeReply(command, frame.bytes());
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
            told.ifPresent(selected -> function = selected);
            return told.isPresent() ? DeviceReading.withoutValue(frame, ReadingStatus.DEVICE_ANSWER)
                    : DeviceReading.malformed(frame, "'" + frame.text().strip() + "' names no measurement function");
        }
        if (!asked.isMeasurementQuery()) {
            return DeviceReading.withoutValue(frame, ReadingStatus.DEVICE_ANSWER);
        }
        String of = asked.measurementFunction().orElse(function);
        if (of == null) {
            return DeviceReading.malformed(frame, "the answer to " + asked.shortHeader() + " has no known quantity: the meter"
                    + " did not tell its function (FUNC?) and none was selected (CONF:…) on this connection");
        }
        String unit = codec.unitOf(of);
        if (unit == null) {
            return DeviceReading.malformed(frame, "the unit of SCPI function " + of + " is not known");
        }
        return ScpiCodec.readings(frame, of, unit);
    }

    @Override
    public List<String> questionsBefore(String command) {
        ScpiCommand parsed = parse(command);
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

    private static ScpiCommand parse(String command) {
        try {
            return command == null ? null : ScpiCommand.parse(command);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
