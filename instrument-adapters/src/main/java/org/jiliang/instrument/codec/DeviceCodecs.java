package org.jiliang.instrument.codec;

import java.util.List;

import org.jiliang.instrument.mtsics.MtSicsCodec;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.instrument.sbi.SbiCodec;
import org.jiliang.instrument.scpi.ScpiCodec;
import org.jiliang.instrument.vaisala.VaisalaCodec;

/**
 * The codec of a device profile. The same profile gives the same codec wherever it is built, so a
 * frame decoded on the bench PC and decoded again on the server gives the same reading unless
 * something between them changed it.
 */
public final class DeviceCodecs {

    /** The protocols there is a codec for, by the names used in profiles and endpoint URIs. */
    public static final List<String> PROTOCOLS = List.of(MtSicsCodec.PROTOCOL_NAME, ScpiCodec.PACE_PROTOCOL_NAME,
            SbiCodec.PROTOCOL_NAME, ScpiCodec.PROTOCOL_NAME, VaisalaCodec.PROTOCOL_NAME);

    private DeviceCodecs() {
    }

    /**
     * The codec for a profile.
     *
     * @param unit           the unit of values sent without one (SBI, SCPI, PACE); {@code null} for the protocol's default
     * @param sbiMissingUnit what an SBI weight line with a blank unit field means; {@code null} for the default
     * @param commands       the profile's poll and start commands (SCPI reads its function from them, PACE the unit of
     *                       {@code :UNIT:PRES}); blanks ignored
     * @throws IllegalArgumentException for an unknown protocol or options that do not fit it
     */
    public static DeviceCodec<?> forProfile(String protocol, String unit, String sbiMissingUnit, String... commands) {
        if (protocol == null) {
            throw new IllegalArgumentException("Unknown protocol 'null'; supported: " + String.join(", ", PROTOCOLS));
        }
        return switch (protocol) {
            case MtSicsCodec.PROTOCOL_NAME -> new MtSicsCodec();
            case SbiCodec.PROTOCOL_NAME -> new SbiCodec(unit != null ? unit : "g",
                    SbiCodec.MissingUnit.parse(sbiMissingUnit == null ? "not-stable" : sbiMissingUnit));
            case ScpiCodec.PROTOCOL_NAME -> ScpiCodec.forCommands(unit, commands);
            case ScpiCodec.PACE_PROTOCOL_NAME -> ScpiCodec.paceForCommands(unit, commands);
            case VaisalaCodec.PROTOCOL_NAME -> new VaisalaCodec();
            default -> throw new IllegalArgumentException("Unknown protocol '" + protocol + "'; supported: "
                    + String.join(", ", PROTOCOLS));
        };
    }
}
