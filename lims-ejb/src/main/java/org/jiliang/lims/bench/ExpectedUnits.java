package org.jiliang.lims.bench;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jiliang.instrument.codec.DeviceCodecs;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.lims.bench.DeviceFrameService.IncomingFrame;

/**
 * The units a device's readings are expected in: the profile's own list ({@code expected_units}, e.g.
 * {@code g,kg}), else what the device's codec says its protocol reports (mg, g, kg, t for the balance
 * protocols MT-SICS and SBI; any unit for the others). A reading in another unit (a balance counting
 * pieces sends {@code S S 50.00 PCS}) is kept as {@link DeviceFrameService#UNEXPECTED_UNIT}.
 */
final class ExpectedUnits {

    private ExpectedUnits() {
    }

    static Set<String> of(BenchDevice device) {
        if (device.expectedUnits() != null && !device.expectedUnits().isBlank()) {
            return parse(device.expectedUnits());
        }
        try {
            DeviceCodec<?> codec = DeviceCodecs.forProfile(device.protocol(), null, null, device.pollCommand(),
                    device.startCommand());
            return codec.expectedUnits();
        } catch (IllegalArgumentException e) {
            return Set.of(); // no codec for the profile: its frames are malformed anyway
        }
    }

    /** {@code "g, kg"} as a set, in order. */
    static Set<String> parse(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(u -> !u.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The frame, or the frame as UNEXPECTED_UNIT (value and unit kept) if its unit is not expected. */
    static IncomingFrame checked(IncomingFrame in, Set<String> expected) {
        if (in.value() == null || in.unit() == null || expected.isEmpty() || expected.contains(in.unit())) {
            return in;
        }
        String reason = "unit " + FrameRecordLimits.abbreviated(in.unit(), 16) + " is not one the device profile"
                + " expects (" + String.join(", ", expected) + "); kept, never captured";
        return new IncomingFrame(in.deviceCode(), in.linkSession(), in.sequence(), in.receivedAt(), in.rawBytes(),
                DeviceFrameService.UNEXPECTED_UNIT, in.value(), in.unit(), reason, in.rawText(), in.serverReceivedAt(),
                in.heldByAgent());
    }
}
