package org.jiliang.lims.metrology.dmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DmmTestPlanTest {

    private static final List<Quantity> DCV = List.of(q("1000 V"), q("100 mV"), q("10 V"), q("1 V"), q("100 V"));
    private static final List<Quantity> OHM = List.of(q("100 Ω"), q("1 kΩ"), q("10 kΩ"), q("100 kΩ"), q("1 MΩ"),
            q("10 MΩ"));

    /**
     * Every point of a 6½-digit meter with DC voltage ranges 100 mV … 1000 V and resistance ranges 100 Ω … 10 MΩ, in
     * the plan's order: function, range from the smallest, data order. The basic ranges (10 V, 10 kΩ) and the rows
     * of test-points.csv decide which; the resolution is the last digit of 1 999 999 counts on each range.
     * Columns: function, range, nominal, resolution, polarity, basic range.
     */
    private static final String[][] EXPECTED = {
        {"DCV", "100 mV", "10 mV", "0.0001 mV", "POSITIVE", "false"},
        {"DCV", "100 mV", "90 mV", "0.0001 mV", "POSITIVE", "false"},
        {"DCV", "100 mV", "-90 mV", "0.0001 mV", "NEGATIVE", "false"},
        {"DCV", "1 V", "0.1 V", "0.000001 V", "POSITIVE", "false"},
        {"DCV", "1 V", "0.9 V", "0.000001 V", "POSITIVE", "false"},
        {"DCV", "1 V", "-0.9 V", "0.000001 V", "NEGATIVE", "false"},
        {"DCV", "10 V", "0 V", "0.00001 V", "NONE", "true"},
        {"DCV", "10 V", "1 V", "0.00001 V", "POSITIVE", "true"},
        {"DCV", "10 V", "3 V", "0.00001 V", "POSITIVE", "true"},
        {"DCV", "10 V", "5 V", "0.00001 V", "POSITIVE", "true"},
        {"DCV", "10 V", "7 V", "0.00001 V", "POSITIVE", "true"},
        {"DCV", "10 V", "9 V", "0.00001 V", "POSITIVE", "true"},
        {"DCV", "10 V", "-9 V", "0.00001 V", "NEGATIVE", "true"},
        {"DCV", "100 V", "10 V", "0.0001 V", "POSITIVE", "false"},
        {"DCV", "100 V", "90 V", "0.0001 V", "POSITIVE", "false"},
        {"DCV", "100 V", "-90 V", "0.0001 V", "NEGATIVE", "false"},
        {"DCV", "1000 V", "100 V", "0.001 V", "POSITIVE", "false"},
        {"DCV", "1000 V", "900 V", "0.001 V", "POSITIVE", "false"},
        {"DCV", "1000 V", "-900 V", "0.001 V", "NEGATIVE", "false"},
        {"OHM", "100 Ω", "10 Ω", "0.0001 Ω", "NONE", "false"},
        {"OHM", "100 Ω", "90 Ω", "0.0001 Ω", "NONE", "false"},
        {"OHM", "1 kΩ", "0.1 kΩ", "0.000001 kΩ", "NONE", "false"},
        {"OHM", "1 kΩ", "0.9 kΩ", "0.000001 kΩ", "NONE", "false"},
        {"OHM", "10 kΩ", "1 kΩ", "0.00001 kΩ", "NONE", "true"},
        {"OHM", "10 kΩ", "9 kΩ", "0.00001 kΩ", "NONE", "true"},
        {"OHM", "100 kΩ", "10 kΩ", "0.0001 kΩ", "NONE", "false"},
        {"OHM", "100 kΩ", "90 kΩ", "0.0001 kΩ", "NONE", "false"},
        {"OHM", "1 MΩ", "0.1 MΩ", "0.000001 MΩ", "NONE", "false"},
        {"OHM", "1 MΩ", "0.9 MΩ", "0.000001 MΩ", "NONE", "false"},
        {"OHM", "10 MΩ", "1 MΩ", "0.00001 MΩ", "NONE", "false"},
        {"OHM", "10 MΩ", "9 MΩ", "0.00001 MΩ", "NONE", "false"},
    };

    @Test
    void aSixAndAHalfDigitMeterGetsExactlyThePointsOfTheData() {
        List<DmmPoint> plan = DmmTestPlan.plan(DCV, OHM, DisplayDigits.parse("6½"));

        assertThat(plan).extracting(p -> new String[] {p.function().code(), p.range().toString(),
            p.nominal().toString(), p.resolution().toString(), p.polarity().name(), String.valueOf(p.basicRange())})
                .containsExactly(EXPECTED);
    }

    @Test
    void eachPointCarriesTheSourceAndTagOfItsLine() {
        List<DmmPoint> plan = DmmTestPlan.plan(DCV, List.of(), DisplayDigits.parse("6½"));

        assertThat(plan).filteredOn(p -> p.nominal().toString().equals("-9 V")).singleElement()
                .satisfies(p -> {
                    assertThat(p.confirmed()).as("negative polarity is remembered practice, tag M").isFalse();
                    assertThat(p.source()).contains("reversed polarity");
                });
        assertThat(plan).filteredOn(p -> p.nominal().toString().equals("7 V")).singleElement()
                .satisfies(p -> assertThat(p.confirmed()).isTrue());
    }

    @Test
    void aMeterWithoutTheDefaultBasicRangeMustNameItsOwn() {
        List<Quantity> dcv = List.of(q("200 mV"), q("2 V"), q("20 V"), q("200 V"), q("1000 V"));

        assertThatThrownBy(() -> DmmTestPlan.plan(dcv, List.of(), DisplayDigits.parse("4½")))
                .isInstanceOfSatisfying(DmmRefusal.class, r -> assertThat(r.key()).isEqualTo("error.dmm.noBasicRange"))
                .hasMessageContaining("do not include the basic range 10 V");

        Map<DmmFunction, List<Quantity>> ranges = new EnumMap<>(DmmFunction.class);
        ranges.put(DmmFunction.DC_VOLTAGE, dcv);
        List<DmmPoint> plan = DmmTestPlan.plan(ranges, DisplayDigits.parse("4½"),
                Map.of(DmmFunction.DC_VOLTAGE, q("2 V")));
        assertThat(plan).filteredOn(DmmPoint::basicRange).extracting(p -> p.nominal().toString())
                .containsExactly("0 V", "0.2 V", "0.6 V", "1 V", "1.4 V", "1.8 V", "-1.8 V");
        assertThat(plan).filteredOn(DmmPoint::basicRange).first()
                .satisfies(p -> assertThat(p.resolution()).hasToString("0.0001 V"));
    }

    @Test
    void aRangeListedTwiceOrOfTheWrongKindIsRefused() {
        assertThatThrownBy(() -> DmmTestPlan.plan(List.of(q("10 V"), q("10000 mV")), List.of(),
                DisplayDigits.parse("6½")))
                .isInstanceOfSatisfying(DmmRefusal.class, r -> assertThat(r.key()).isEqualTo("error.dmm.rangeTwice"));
        assertThatThrownBy(() -> DmmTestPlan.plan(List.of(q("10 kΩ")), List.of(), DisplayDigits.parse("6½")))
                .isInstanceOfSatisfying(DmmRefusal.class, r -> assertThat(r.key()).isEqualTo("error.dmm.rangeKind"));
    }

    /** digits, range, last digit: 2·10^N·r ≥ full scale, r the smallest such power of ten. */
    static Stream<Arguments> resolutions() {
        return Stream.of(
                Arguments.of("6½", "10 V", "0.00001 V"),
                Arguments.of("6½", "100 mV", "0.0001 mV"),
                Arguments.of("6½", "1000 V", "0.001 V"),
                Arguments.of("6½", "10 MΩ", "0.00001 MΩ"),
                Arguments.of("8½", "10 V", "0.0000001 V"),
                Arguments.of("7½", "10 kΩ", "0.000001 kΩ"),
                Arguments.of("5½", "1000 V", "0.01 V"),
                Arguments.of("4½", "20 V", "0.001 V"),
                Arguments.of("3½", "200 mV", "0.1 mV"),
                Arguments.of("3½", "2 V", "0.001 V"),
                Arguments.of("3½", "200 V", "0.1 V"),
                Arguments.of("3½", "600 V", "1 V"));
    }

    @ParameterizedTest(name = "{0} digits on {1}: {2}")
    @MethodSource("resolutions")
    void theResolutionOnARangeFollowsFromTheDigits(String digits, String range, String lastDigit) {
        assertThat(DisplayDigits.parse(digits).resolution(q(range))).hasToString(lastDigit);
    }

    @Test
    void digitsOutsideThreeAndAHalfToEightAndAHalfAreRefused() {
        assertThatThrownBy(() -> DisplayDigits.parse("9½"))
                .isInstanceOfSatisfying(DmmRefusal.class, r -> assertThat(r.key()).isEqualTo("error.dmm.digits"));
        assertThat(DisplayDigits.parse("6.5")).isEqualTo(new DisplayDigits(6));
    }

    @Test
    void aPointOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> new DmmPoint(DmmFunction.DC_VOLTAGE, q("10 V"), q("25 V"), new DisplayDigits(6),
                DmmPoint.Polarity.POSITIVE, true, "test", true))
                .isInstanceOfSatisfying(DmmRefusal.class, r -> assertThat(r.key()).isEqualTo("error.dmm.outsideRange"))
                .hasMessage("25 V lies outside the 10 V range, whose display ends at ±19.99999 V");
    }

    static Quantity q(String text) {
        String[] parts = text.split(" ");
        return Quantity.of(parts[0], parts[1]);
    }
}
