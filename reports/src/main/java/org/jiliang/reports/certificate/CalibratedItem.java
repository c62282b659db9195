package org.jiliang.reports.certificate;

import java.util.Objects;

/**
 * The customer's item that was calibrated: an instrument or a material measure such as a weight.
 *
 * @param description    bilingual as printed, e.g. "砝码 Weight"
 * @param serialNumber   serial or identification number, e.g. "W-2411-07"
 * @param measuringRange measuring range or nominal value as printed, e.g. "10 kg" or "0 g – 220 g"
 * @param accuracyClass  the class the customer declares, e.g. "M1"; {@code null} when none is declared
 *                       (printed as a dash). Declaring a class is not a statement of conformity.
 */
public record CalibratedItem(
        String description,
        String manufacturer,
        String model,
        String serialNumber,
        String measuringRange,
        String accuracyClass) {

    public CalibratedItem {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(measuringRange, "measuringRange");
    }
}
