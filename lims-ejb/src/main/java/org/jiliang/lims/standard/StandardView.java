package org.jiliang.lims.standard;

import java.time.LocalDate;

public record StandardView(long id, String code, String name, String accuracy, String serialNumber,
        String certificateNumber, String traceableTo, LocalDate calibratedOn, LocalDate dueDate,
        StandardStatus status) {

    public static StandardView of(MeasurementStandard s, LocalDate today) {
        return new StandardView(s.id(), s.code(), s.name(), s.accuracy(), s.serialNumber(),
                s.certificateNumber(), s.traceableTo(), s.calibratedOn(), s.dueDate(), s.statusOn(today));
    }
}
