package org.jiliang.reports.certificate;

import org.jiliang.reports.Quantity;

/**
 * Ambient conditions during the measurement. Any value may be {@code null} when the procedure
 * does not require it; the certificate then prints a dash.
 *
 * <p>Air pressure and air density are recorded for mass calibration (air buoyancy, OIML R 111
 * Annex C) and printed on the calibration certificate. The verification templates print
 * temperature and humidity only, so a {@link CertificateDocument} refuses the other two rather
 * than drop them silently.
 *
 * @param airDensity as computed from the recorded conditions, e.g. "1.1923 kg/m³"
 */
public record Environment(Quantity temperature, Quantity humidity, Quantity airPressure, Quantity airDensity) {

    /** Temperature and humidity only, as a verification certificate states them. */
    public Environment(Quantity temperature, Quantity humidity) {
        this(temperature, humidity, null, null);
    }

    boolean recordsAir() {
        return airPressure != null || airDensity != null;
    }
}
