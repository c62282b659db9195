package org.jiliang.lims.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What the services refuse as a bench's conditions, from a page as from the API. */
class PlausibleConditionsTest {

    @Test
    void negativeHumidityAndTemperaturesBelowAbsoluteZeroAreRefused() {
        assertThatThrownBy(() -> PlausibleConditions.requireHumidity(new BigDecimal("-5")))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.getMessage(Locale.CHINESE))
                        .contains("相对湿度", "0 %RH", "100 %RH"));
        assertThatThrownBy(() -> PlausibleConditions.requireHumidity(new BigDecimal("100.01")))
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> PlausibleConditions.requireTemperature(new BigDecimal("-300")))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.getMessage(Locale.ENGLISH))
                        .contains("temperature", "-50 °C", "80 °C"));
        assertThatThrownBy(() -> PlausibleConditions.requirePressure(new BigDecimal("101.3")))
                .as("kPa typed where hPa belong").isInstanceOf(RefusedException.class);
    }

    @Test
    void absurdNumbersAreRefusedWithoutBeingPrintedOrComputed() {
        for (String absurd : new String[] {"1e999999999", "-1e999999999", "1e-999999999"}) {
            assertThatThrownBy(() -> PlausibleConditions.requireTemperature(new BigDecimal(absurd)))
                    .as(absurd).isInstanceOfSatisfying(RefusedException.class,
                            e -> assertThat(e.getMessage(Locale.ENGLISH)).hasSizeLessThan(200));
        }
    }

    @Test
    void plausibleConditionsPassWithTheDecimalsTheColumnKeeps() {
        assertThatCode(() -> {
            PlausibleConditions.requireTemperature(new BigDecimal("20.50"));
            PlausibleConditions.requireTemperature(new BigDecimal("-10"));
            PlausibleConditions.requireHumidity(new BigDecimal("0"));
            PlausibleConditions.requireHumidity(new BigDecimal("55.500"));
            PlausibleConditions.requirePressure(new BigDecimal("1013.25"));
        }).doesNotThrowAnyException();
        assertThatThrownBy(() -> PlausibleConditions.requireTemperature(new BigDecimal("20.125")))
                .as("a third decimal the column would round away").isInstanceOf(RefusedException.class);
    }

    @Test
    void fitsLooksAtDigitsOnly() {
        assertThat(InputLimits.fits(new BigDecimal("1234567890123.123456"), 13, 6)).isTrue();
        assertThat(InputLimits.fits(new BigDecimal("12345678901234"), 13, 6)).isFalse();
        assertThat(InputLimits.fits(new BigDecimal("0.0000001"), 13, 6)).isFalse();
        assertThat(InputLimits.fits(new BigDecimal("1.5000000000"), 13, 6)).isTrue();
        assertThat(InputLimits.fits(new BigDecimal("1E+5"), 5, 0)).isFalse();
        assertThat(InputLimits.fits(new BigDecimal("0E-999999999"), 1, 0)).isTrue();
    }

    @Test
    void aTextLongerThanItsColumnIsRefusedWithTheFieldsLabel() {
        assertThatThrownBy(() -> InputLimits.maxLength("x".repeat(501), 500, "field.deviation"))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.getMessage(Locale.CHINESE)).isEqualTo("偏离说明过长：最多 500 个字符。");
                    assertThat(e.getMessage(Locale.ENGLISH)).isEqualTo("Deviation statement is too long: at most 500 characters.");
                });
    }
}
