package org.jiliang.instrument.vaisala;

import org.jiliang.instrument.reading.AsciiLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiliang.instrument.frame.RawFrame;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.instrument.reading.Quantity;
import org.jiliang.instrument.vaisala.VaisalaResponse.Field;
import org.jiliang.instrument.vaisala.VaisalaResponse.Malformed;
import org.jiliang.instrument.vaisala.VaisalaResponse.Measurement;
import org.jiliang.instrument.vaisala.VaisalaResponse.Text;

/**
 * Codec for the serial output of Vaisala transmitters, used for the bench's environment monitor (a
 * PTU300: pressure, temperature, humidity). Immutable and thread-safe; decoding never throws.
 *
 * <p>The message layout is set on the device with {@code FORM}; the default PTU300 message is
 * {@code P= 1013.2 hPa T= 31.1 'C RH= 38.3 %RH} CR LF (M210796EN). Because {@code FORM} can change
 * widths, decimals and spacing, and can glue unit to value ({@code RH= 14.98%RH}), the message is read
 * as a sequence of {@code label= value [unit]} groups, never by column. A leading {@code >} (the
 * prompt, printed with ECHO ON) is skipped. A value printed as stars is not available: the reading is
 * a device error.
 *
 * <p>A transmitter has no notion of a stable value: every complete message is a {@code STABLE}
 * reading, one quantity per group, the first group's quantity being the primary one.
 */
public final class VaisalaCodec implements DeviceCodec<VaisalaResponse> {

    public static final String PROTOCOL_NAME = "vaisala";

    private static final String LABEL = "[A-Za-z][A-Za-z0-9]*";
    private static final Pattern GROUP = Pattern.compile(
            "\\G[ \\t]*(" + LABEL + ")=[ \\t]*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)|[+-]?\\*+(?:\\.\\*+)?)"
                    + "(?:[ \\t]*(?!" + LABEL + "=)(['%A-Za-z][A-Za-z0-9%'/]*))?");
    private static final int MAX_QUOTED_LENGTH = 40;

    @Override
    public String protocolName() {
        return PROTOCOL_NAME;
    }

    /** {@code SEND}: one message in STOP mode. */
    @Override
    public String defaultPollCommand() {
        return "SEND";
    }

    @Override
    public byte[] encodeCommand(String command) {
        return VaisalaCommand.parse(command).encode();
    }

    @Override
    public boolean isReadingCommand(String command) {
        try {
            return VaisalaCommand.parse(command).isSend();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean expectsReply(String command) {
        return VaisalaCommand.parse(command).expectsReply();
    }

    @Override
    public VaisalaResponse decode(byte[] frame) {
        AsciiLine ascii = AsciiLine.of(frame, "CR LF", true);
        if (!ascii.isLine()) {
            return new Malformed(ascii.problem());
        }
        String line = ascii.text();
        String message = line.startsWith(">") ? line.substring(1) : line;
        if (message.isBlank()) {
            return new Malformed("blank line");
        }
        if (!message.contains("=")) {
            return new Text(message.strip());
        }
        List<Field> fields = new ArrayList<>();
        Matcher group = GROUP.matcher(message);
        int end = 0;
        while (group.find()) {
            String raw = group.group(2);
            BigDecimal value = raw.contains("*") ? null : new BigDecimal(raw.startsWith("+") ? raw.substring(1) : raw);
            fields.add(new Field(group.group(1), value, raw, group.group(3) == null ? "" : group.group(3)));
            end = group.end();
        }
        if (fields.isEmpty() || !message.substring(end).isBlank()) {
            return new Malformed("'" + abbreviate(message.substring(end).strip()) + "' is not a 'label= value unit' group"
                    + (fields.isEmpty() ? "" : " (after " + fields.size() + " good ones)"));
        }
        return new Measurement(fields);
    }

    @Override
    public DeviceReading interpret(RawFrame frame) {
        VaisalaResponse response = decode(frame.bytes());
        if (response instanceof Malformed m) {
            return DeviceReading.malformed(frame, m.reason());
        }
        if (response instanceof Text t) {
            return DeviceReading.malformed(frame, "not a measurement message: '" + abbreviate(t.text()) + "'");
        }
        List<Quantity> quantities = new ArrayList<>();
        for (Field field : ((Measurement) response).fields()) {
            if (!field.isAvailable()) {
                return DeviceReading.deviceError(frame, field.label() + " is not available: the transmitter printed '"
                        + field.rawValue() + "' (measurement error or value out of range)");
            }
            if (field.unit().isEmpty()) {
                return DeviceReading.malformed(frame, field.label() + "= " + field.rawValue() + " has no unit");
            }
            quantities.add(new Quantity(field.label(), field.value(), field.unit()));
        }
        return DeviceReading.measurement(frame, true, quantities);
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_QUOTED_LENGTH ? text : text.substring(0, MAX_QUOTED_LENGTH) + "...";
    }
}
