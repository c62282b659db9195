package org.jiliang.reports.certificate;

import java.util.Objects;

import org.jiliang.reports.Quantity;

/**
 * The customer's instrument that was verified (not a bench device of the laboratory).
 *
 * @param description   e.g. "数字指示秤 Digital indicating scale"
 * @param max           maximum capacity, Max
 * @param e             verification scale interval, e
 * @param accuracyClass e.g. "III"
 */
public record InstrumentUnderTest(
        String description,
        String manufacturer,
        String model,
        String serialNumber,
        Quantity max,
        Quantity e,
        String accuracyClass) {

    public InstrumentUnderTest {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(e, "e");
        Objects.requireNonNull(accuracyClass, "accuracyClass");
    }
}
