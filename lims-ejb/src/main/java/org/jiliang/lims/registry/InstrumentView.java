package org.jiliang.lims.registry;

import java.time.LocalDate;

/** What a page or the API shows of an instrument under test. */
public record InstrumentView(long id, String customerName, String category, String description,
        String manufacturer, String model, String serialNumber, String accuracyClass,
        String max, String e, String d, boolean mandatoryVerification, LocalDate nextDueDate, String customerCode,
        int intervalMonths, String location, boolean weight, String kind, java.util.Map<String, String> parameters,
        Register register) {

    /**
     * Its place in the register (issue 12): category under legal control, the owner's asset number, site and its
     * district (the owner's when no site), status, and the verification the due date is derived from.
     */
    public record Register(String legalCategory, String assetNumber, String site, String district, String status,
            LocalDate lastVerifiedOn, String lastCertificate) {

        static Register of(InstrumentUnderTest i) {
            return new Register(i.legalCategory(), i.assetNumber(), i.site() == null ? null : i.site().name(),
                    i.district(), i.status().name(),
                    i.lastVerifiedOn(), i.lastCertificate());
        }
    }

    public static InstrumentView of(InstrumentUnderTest i) {
        if (!InstrumentUnderTest.KIND_SCALE.equals(i.kind()) && !i.isWeight()) {
            java.util.Map<String, String> shown = new java.util.LinkedHashMap<>();
            i.typedParameters().asMap().forEach((name, v) -> shown.put(name,
                    v.text() + (v.unit() == null ? "" : " " + v.unit())));
            return new InstrumentView(i.id(), i.customer().name(), i.category(), i.description(),
                    i.manufacturer(), i.model(), i.serialNumber(), null, null, null, null, i.mandatoryVerification(),
                    i.nextDueDate(), i.customer().code(), i.intervalMonths(), i.location(), false, i.kind(),
                    java.util.Collections.unmodifiableMap(shown), Register.of(i));
        }
        if (i.isWeight()) {
            return new InstrumentView(i.id(), i.customer().name(), i.category(), i.description(),
                    i.manufacturer(), i.model(), i.serialNumber(), i.weightClass().symbol(),
                    i.nominal().toString(), null, null, i.mandatoryVerification(), i.nextDueDate(),
                    i.customer().code(), i.intervalMonths(), i.location(), true, i.kind(), java.util.Map.of(),
                    Register.of(i));
        }
        var p = i.parameters();
        return new InstrumentView(i.id(), i.customer().name(), i.category(), i.description(),
                i.manufacturer(), i.model(), i.serialNumber(), p.accuracyClass().name(),
                p.max().toString(), p.e().toString(), p.d().toString(),
                i.mandatoryVerification(), i.nextDueDate(), i.customer().code(), i.intervalMonths(), i.location(),
                false, i.kind(), java.util.Map.of(), Register.of(i));
    }
}
