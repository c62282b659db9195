package org.jiliang.lims.metrology.prepackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jiliang.lims.platform.Messages;
import org.jiliang.lims.platform.RefusedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * T by Q_n (SAMR Order No. 70 annex table; the 2005 Order's 附表3) at every bound of every band, from both sides, with
 * the rounding of the table's note (to 0.1 g up to 1 kg, to 1 g above, GB/T 8170; a count up to the next whole).
 */
class TolerableShortfallTest {

    private static final String EDITION = "JJF 1070-2023";

    @ParameterizedTest(name = "{0} {1}: T = {2} {3}")
    @CsvSource({
            // mass: 9 % up to 50 g, rounded to 0.1 g (0.45 is half: to even, 0.4)
            "5, g, 0.4, g", "37, g, 3.3, g", "50, g, 4.5, g",
            // 4.5 g from just above 50 g to 100 g
            "50.1, g, 4.5, g", "100, g, 4.5, g",
            // 4.5 % above 100 g: 6.75 is half, to even 6.8
            "100.1, g, 4.5, g", "150, g, 6.8, g", "200, g, 9.0, g",
            "200.1, g, 9, g", "300, g, 9, g",
            "300.1, g, 9.0, g", "400, g, 12.0, g", "500, g, 15.0, g",
            "500.1, g, 15, g", "1000, g, 15, g", "1, kg, 15, g",
            // 1.5 % above 1 kg, rounded to 1 g: 22.5 is half, to even 22
            "1000.1, g, 15, g", "1500, g, 22, g", "2, kg, 30, g", "10, kg, 150, g",
            "10000.1, g, 150, g", "15, kg, 150, g",
            "15000.1, g, 150, g", "20, kg, 200, g", "50, kg, 500, g",
            // volume: the same bands in mL
            "500, mL, 15.0, mL", "1.5, L, 22, mL", "50, L, 500, mL",
            // length: none up to 5 m, 2 % above
            "5, m, 0, m", "500, cm, 0, m", "5.01, m, 0.1002, m", "10, m, 0.2, m",
            // area: 3 %
            "2, m², 0.06, m²", "100, cm², 0.0003, m²",
            // count: none up to 50, 1 % above, up to the next whole number
            "50, pcs, 0, pcs", "51, pcs, 1, pcs", "120, pcs, 2, pcs", "200, pcs, 2, pcs", "201, pcs, 3, pcs"})
    void tByLabelledQuantity(String value, String unit, String t, String tUnit) {
        TolerableShortfall.Allowed allowed = TolerableShortfall.of(EDITION, new BigDecimal(value), unit);
        assertThat(allowed.t().value()).as(allowed.band().describe()).isEqualByComparingTo(t);
        assertThat(allowed.t().unit().symbol()).isEqualTo(tUnit);
    }

    @Test
    void theBandsMeetSoABoundBelongsToEitherSideWithoutChangingT() {
        for (String edition : List.of("JJF 1070-2005", "JJF 1070-2023")) {
            for (String bound : List.of("50", "100", "200", "300", "500", "1000", "10000", "15000")) {
                BigDecimal at = TolerableShortfall.of(edition, new BigDecimal(bound), "g").t().value();
                BigDecimal above = TolerableShortfall.of(edition, new BigDecimal(bound).add(new BigDecimal("0.001")),
                        "g").t().value();
                assertThat(above).as(edition + " just above " + bound + " g").isEqualByComparingTo(at);
            }
        }
    }

    @Test
    void whatThe2023TextWasNotSeenForIsTaggedSo() {
        assertThat(TolerableShortfall.of("JJF 1070-2023", new BigDecimal("500"), "g").band().tag()).isEqualTo("M");
        assertThat(TolerableShortfall.of("JJF 1070-2005", new BigDecimal("500"), "g").band().tag()).isEqualTo("S");
        assertThat(TolerableShortfall.of("JJF 1070-2023", new BigDecimal("150"), "g").band().describe())
                .isEqualTo("mass 100 g < Q_n ≤ 200 g: 4.5 %");
    }

    @Test
    void aQuantityOutsideTheTableOrInAnUnknownUnitIsRefusedWithTheReason() {
        NetContentRefusal heavy = catchThrowableOfType(() -> TolerableShortfall.of(EDITION, new BigDecimal("50.001"),
                "kg"), NetContentRefusal.class);
        assertThat(heavy.key()).isEqualTo("error.netContent.outsideTable");
        assertThat(heavy.getMessage()).contains("50.001 kg", "above 0 g", "up to 50000 g");
        assertThat(catchThrowableOfType(() -> TolerableShortfall.of(EDITION, BigDecimal.ZERO, "g"),
                NetContentRefusal.class).key()).isEqualTo("error.netContent.outsideTable");
        assertThat(catchThrowableOfType(() -> TolerableShortfall.of(EDITION, new BigDecimal("-1"), "pcs"),
                NetContentRefusal.class).key()).isEqualTo("error.netContent.outsideTable");

        for (String unit : new String[] {"lb", "V", "", "G"}) {
            NetContentRefusal refused = catchThrowableOfType(() -> TolerableShortfall.of(EDITION, BigDecimal.TEN,
                    unit), NetContentRefusal.class);
            assertThat(refused.key()).as(unit).isEqualTo("error.netContent.unit");
        }
        NetContentRefusal pounds = catchThrowableOfType(() -> TolerableShortfall.of(EDITION, BigDecimal.TEN, "lb"),
                NetContentRefusal.class);
        assertThat(new RefusedException(pounds.key(), pounds.arguments()).getMessage(Locale.SIMPLIFIED_CHINESE))
                .startsWith("lb 不是净含量的标注单位");
        assertThat(catchThrowableOfType(() -> TolerableShortfall.of("JJF 1070-1999", BigDecimal.TEN, "g"),
                NetContentRefusal.class).key()).isEqualTo("error.netContent.noEdition");
        assertThat(Messages.format(Locale.ENGLISH, "error.netContent.unit", "lb")).startsWith("lb is not a unit");
    }
}
