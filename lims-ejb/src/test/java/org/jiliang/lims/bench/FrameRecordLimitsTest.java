package org.jiliang.lims.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jiliang.lims.bench.DeviceFrameService.IncomingFrame;
import org.junit.jupiter.api.Test;

/** What a stored frame keeps of a device's value: exactly what was sent, or the frame as malformed with why. */
class FrameRecordLimitsTest {

    private static final Instant AT = Instant.parse("2026-12-04T03:00:00Z");

    @Test
    void valuesTheOldColumnOverflowedOrRoundedAreKeptExactly() {
        for (String sent : new String[] {"10000000000000", "1000000000000000", "12.3456789", "0.0000004", "5.00",
                "-0.000000001", "99999999999999999999.999999999999999999"}) {
            IncomingFrame stored = FrameRecordLimits.fitted(frame(sent, "g"));

            assertThat(stored.status()).as(sent).isEqualTo("STABLE");
            assertThat(stored.value()).as(sent).isEqualTo(new BigDecimal(sent));
            assertThat(new BigDecimal(FrameRecordLimits.text(stored.value()))).as("the kept text of " + sent)
                    .isEqualTo(new BigDecimal(sent)); // equals: same digits and same scale
        }
    }

    @Test
    void theKeptTextIsTheDecimalTextWithItsTrailingZeros() {
        assertThat(FrameRecordLimits.text(new BigDecimal("0.0000004"))).isEqualTo("0.0000004");
        assertThat(FrameRecordLimits.text(new BigDecimal("5.00"))).isEqualTo("5.00");
        assertThat(FrameRecordLimits.text(new BigDecimal("1E+3"))).as("its scale survives").isEqualTo("1E+3");
    }

    @Test
    void aValueTheRecordCannotHoldMakesAMalformedFrameWithTheReasonAndItsBytes() {
        IncomingFrame tooLarge = FrameRecordLimits.fitted(frame("1E+25", "g"));
        IncomingFrame tooFine = FrameRecordLimits.fitted(frame("0.0000000000000000001", "g"));
        IncomingFrame longUnit = FrameRecordLimits.fitted(frame("5.00", "kilograms"));

        assertThat(tooLarge.status()).isEqualTo("MALFORMED");
        assertThat(tooLarge.value()).isNull();
        assertThat(tooLarge.unit()).isNull();
        assertThat(tooLarge.rejectReason()).startsWith(
                "value 1E+25 g does not fit the record: at most 20 digits before and 18 after the decimal point");
        assertThat(tooLarge.rawBytes()).isEqualTo(frame("1E+25", "g").rawBytes());
        assertThat(tooLarge.sequence()).isEqualTo(7);
        assertThat(tooFine.status()).isEqualTo("MALFORMED");
        assertThat(longUnit.status()).isEqualTo("MALFORMED");
        assertThat(FrameRecordLimits.fitted(frame("100000000000000000000", "g")).status()).as("21 digits")
                .isEqualTo("MALFORMED");
    }

    @Test
    void anAbsurdExponentIsRefusedCheaplyAndDescribedShort() {
        IncomingFrame huge = FrameRecordLimits.fitted(frame("1E+999999999", "g"));
        IncomingFrame tiny = FrameRecordLimits.fitted(frame("1E-999999999", "g"));

        assertThat(huge.status()).isEqualTo("MALFORMED");
        assertThat(huge.rejectReason()).startsWith("value 1E+999999999 g does not fit");
        assertThat(tiny.status()).isEqualTo("MALFORMED");
    }

    private static IncomingFrame frame(String value, String unit) {
        String line = "S S " + value + " " + unit + "\r\n";
        return new IncomingFrame("BAL-1", "session-1", 7, AT, line.getBytes(StandardCharsets.US_ASCII), "STABLE",
                new BigDecimal(value), unit, null, line);
    }
}
