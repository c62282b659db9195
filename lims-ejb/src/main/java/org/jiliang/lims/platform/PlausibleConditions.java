package org.jiliang.lims.platform;

import java.math.BigDecimal;

/**
 * What a bench's thermometer, hygrometer and barometer can plausibly show, whatever the procedure's limits:
 * a value outside is a typing or unit error (−5 %RH, −300 °C, 1013 entered as kPa) and is refused, not
 * recorded as a deviation. The temperature range covers on-site verification in winter and summer as well as
 * the laboratory; the numbers are kept with two decimals (columns {@code numeric(6,2)}, {@code numeric(8,2)}).
 * The API's Bean Validation constraints use the same constants.
 */
public final class PlausibleConditions {

    public static final String MIN_TEMPERATURE = "-50";
    public static final String MAX_TEMPERATURE = "80";
    public static final String MIN_HUMIDITY = "0";
    public static final String MAX_HUMIDITY = "100";
    public static final String MIN_PRESSURE = "600";
    public static final String MAX_PRESSURE = "1100";
    /** Decimals kept of each condition. */
    public static final int DECIMALS = 2;
    /** Integer digits of the columns (numeric(6,2) for temperature and humidity; numeric(8,2) for pressure). */
    public static final int INTEGER_DIGITS = 4;

    private PlausibleConditions() {
    }

    public static void requireTemperature(BigDecimal celsius) {
        if (!InputLimits.within(celsius, MIN_TEMPERATURE, MAX_TEMPERATURE, INTEGER_DIGITS, DECIMALS)) {
            throw new RefusedException("error.environment.temperatureImplausible", MIN_TEMPERATURE, MAX_TEMPERATURE);
        }
    }

    public static void requireHumidity(BigDecimal percent) {
        if (!InputLimits.within(percent, MIN_HUMIDITY, MAX_HUMIDITY, INTEGER_DIGITS, DECIMALS)) {
            throw new RefusedException("error.environment.humidityImplausible", MIN_HUMIDITY, MAX_HUMIDITY);
        }
    }

    public static void requirePressure(BigDecimal hectopascal) {
        if (!InputLimits.within(hectopascal, MIN_PRESSURE, MAX_PRESSURE, INTEGER_DIGITS, DECIMALS)) {
            throw new RefusedException("error.environment.pressureImplausible", MIN_PRESSURE, MAX_PRESSURE);
        }
    }
}
