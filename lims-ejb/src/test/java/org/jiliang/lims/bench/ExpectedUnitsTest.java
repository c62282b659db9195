package org.jiliang.lims.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.jiliang.instrument.codec.DeviceCodecs;
import org.jiliang.lims.bench.DeviceFrameService.IncomingFrame;
import org.junit.jupiter.api.Test;

/** A balance counting pieces is not weighing: its readings are kept, but not as weights. */
class ExpectedUnitsTest {

    @Test
    void aBalanceExpectsMassUnitsByItsCodecAndAPieceCountIsAnUnexpectedUnitKeptWithItsValue() {
        BenchDevice balance = new BenchDevice("BAL-1", "balance", "mt-sics", "127.0.0.1", 4001, "SI", 300, false);
        Set<String> expected = ExpectedUnits.of(balance);

        IncomingFrame pieces = ExpectedUnits.checked(frame("50.00", "PCS"), expected);
        IncomingFrame grams = ExpectedUnits.checked(frame("50.00", "g"), expected);

        assertThat(expected).containsExactlyInAnyOrder("mg", "g", "kg", "t");
        assertThat(pieces.status()).isEqualTo("UNEXPECTED_UNIT");
        assertThat(pieces.value()).isEqualTo(new BigDecimal("50.00"));
        assertThat(pieces.unit()).isEqualTo("PCS");
        assertThat(pieces.rejectReason()).startsWith("unit PCS is not one the device profile expects (");
        assertThat(grams.status()).isEqualTo("STABLE");
    }

    @Test
    void aProfilesOwnUnitsWinAndAProtocolWithoutMassUnitsTakesAny() {
        BenchDevice gramsOnly = new BenchDevice("BAL-2", "balance", "sbi", "127.0.0.1", 4001, "ESC P", 300, false);
        gramsOnly.expectUnits(" g , ");
        BenchDevice multimeter = new BenchDevice("DMM-1", "multimeter", "scpi", "127.0.0.1", 4001, "MEAS:VOLT:DC?",
                300, false);

        assertThat(ExpectedUnits.checked(frame("5.00", "kg"), ExpectedUnits.of(gramsOnly)).status())
                .isEqualTo("UNEXPECTED_UNIT");
        assertThat(ExpectedUnits.of(multimeter)).isEmpty();
        assertThat(ExpectedUnits.checked(frame("5.00", "V"), ExpectedUnits.of(multimeter)).status()).isEqualTo("STABLE");
        assertThat(DeviceCodecs.forProfile("sbi", null, null, "ESC P").expectedUnits()).contains("g", "kg");
    }

    private static IncomingFrame frame(String value, String unit) {
        String line = "S S " + value + " " + unit + "\r\n";
        return new IncomingFrame("BAL-1", "s", 1, Instant.parse("2026-12-04T03:00:00Z"),
                line.getBytes(StandardCharsets.US_ASCII), "STABLE", new BigDecimal(value), unit, null, line);
    }
}
