package org.jiliang.lims.registry;

import java.time.LocalDate;

/** What a page or the API shows of an instrument under test. */
public record InstrumentView(long id, String customerName, String category, String description,
        String manufacturer, String model, String serialNumber, String accuracyClass,
        String max, String e, String d, boolean mandatoryVerification, LocalDate nextDueDate, String customerCode,
        int intervalMonths, String location, boolean weight) {

    public static InstrumentView of(InstrumentUnderTest i) {
        if (i.isWeight()) {
            return new InstrumentView(i.id(), i.customer().name(), i.category(), i.description(),
                    i.manufacturer(), i.model(), i.serialNumber(), i.weightClass().symbol(),
                    i.nominal().toString(), null, null, i.mandatoryVerification(), i.nextDueDate(),
                    i.customer().code(), i.intervalMonths(), i.location(), true);
        }
        var p = i.parameters();
        return new InstrumentView(i.id(), i.customer().name(), i.category(), i.description(),
                i.manufacturer(), i.model(), i.serialNumber(), p.accuracyClass().name(),
                p.max().toString(), p.e().toString(), p.d().toString(),
                i.mandatoryVerification(), i.nextDueDate(), i.customer().code(), i.intervalMonths(), i.location(),
                false);
    }
}
