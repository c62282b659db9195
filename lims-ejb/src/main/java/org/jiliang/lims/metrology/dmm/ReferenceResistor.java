package org.jiliang.lims.metrology.dmm;

import java.math.BigDecimal;
import java.util.Objects;
import org.jiliang.lims.metrology.quantity.Quantity;

/**
 * The reference standard resistor of a substitution, as its record gives it.
 *
 * @param certifiedValue         R_S from its calibration certificate, at {@code certificateTemperature}
 * @param expandedUncertainty    U of R_S from the certificate
 * @param coverageFactor         k of U
 * @param certificateTemperature t_0, the temperature R_S is certified at (20 °C or 23 °C)
 * @param driftEstimate          δR_D, the drift since its calibration, predicted from its history (may be zero)
 * @param driftLimits            half-width of δR_D (rectangular)
 * @param temperatureCoefficient α_S in 1/K (5E-6 for 5 ppm/K), from its certificate or data sheet
 * @param temperatureCoefficientLimits half-width of α_S in 1/K (rectangular; zero when α_S is taken as known)
 */
public record ReferenceResistor(Quantity certifiedValue, Quantity expandedUncertainty, BigDecimal coverageFactor,
        Quantity certificateTemperature, Quantity driftEstimate, Quantity driftLimits,
        BigDecimal temperatureCoefficient, BigDecimal temperatureCoefficientLimits) {

    public ReferenceResistor {
        Objects.requireNonNull(certifiedValue, "certifiedValue");
        Objects.requireNonNull(expandedUncertainty, "expandedUncertainty");
        Objects.requireNonNull(coverageFactor, "coverageFactor");
        Objects.requireNonNull(certificateTemperature, "certificateTemperature");
        Objects.requireNonNull(driftEstimate, "driftEstimate");
        Objects.requireNonNull(driftLimits, "driftLimits");
        Objects.requireNonNull(temperatureCoefficient, "temperatureCoefficient");
        Objects.requireNonNull(temperatureCoefficientLimits, "temperatureCoefficientLimits");
        if (!certifiedValue.kind().equals("resistance") || certifiedValue.value().signum() <= 0) {
            throw new IllegalArgumentException("A reference resistor needs a positive resistance, was "
                    + certifiedValue);
        }
        for (Quantity q : new Quantity[] {expandedUncertainty, driftEstimate, driftLimits}) {
            if (!q.kind().equals("resistance")) {
                throw new IllegalArgumentException("The reference resistor's " + q + " is not a resistance");
            }
        }
        if (!certificateTemperature.kind().equals("temperature")) {
            throw new IllegalArgumentException("The certificate temperature " + certificateTemperature
                    + " is not a temperature");
        }
        if (coverageFactor.signum() <= 0 || temperatureCoefficientLimits.signum() < 0
                || expandedUncertainty.value().signum() < 0 || driftLimits.value().signum() < 0) {
            throw new IllegalArgumentException("k must be positive and U and the limits non-negative");
        }
    }
}
