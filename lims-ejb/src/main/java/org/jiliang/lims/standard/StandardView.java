package org.jiliang.lims.standard;

import java.time.LocalDate;

/**
 * A standard as the register lists it; {@code referenceValues} is what its certificate states (a reference weight's
 * m_c, U, ρ; a calibrator's certified values point by point), or null; {@code drivenThrough} the code of the bench
 * device the bench sets it through, or null; the assessment certificate's number, scope and end of validity (null
 * when none is recorded) and what its dates say today.
 */
public record StandardView(long id, String code, String name, String accuracy, String serialNumber,
        String certificateNumber, String traceableTo, LocalDate calibratedOn, LocalDate dueDate,
        StandardStatus status, String referenceValues, String drivenThrough, long daysLeft,
        String assessmentCertificate, String assessmentScope, LocalDate assessmentValidUntil,
        AssessmentRule.State assessment) {

    public static StandardView of(MeasurementStandard s, LocalDate today) {
        return new StandardView(s.id(), s.code(), s.name(), s.accuracy(), s.serialNumber(),
                s.certificateNumber(), s.traceableTo(), s.calibratedOn(), s.dueDate(), s.statusOn(today),
                s.referenceWeight().map(StandardView::describe).orElse(s.certifiedValues().isEmpty() ? null
                        : String.join("; ", s.certifiedValues().stream().map(Object::toString).toList())),
                s.drivenThrough().map(org.jiliang.lims.bench.BenchDevice::code).orElse(null),
                java.time.temporal.ChronoUnit.DAYS.between(today, s.dueDate()), s.assessmentCertificate(),
                s.assessmentScope(), s.assessmentValidUntil(), AssessmentRule.on(s.assessmentValidUntil(), today));
    }

    /** What the certificate of a reference weight states, as the quality manager checks it. */
    private static String describe(org.jiliang.lims.metrology.weight.WeightCalibrationProcedure.ReferenceWeight r) {
        return "m_c = " + r.conventionalMass() + ", U = " + r.expandedUncertainty() + " (k = "
                + r.coverageFactor().stripTrailingZeros().toPlainString() + "), ρ = "
                + r.density().stripTrailingZeros().toPlainString() + " kg/m³, u(ρ) = "
                + r.densityUncertainty().stripTrailingZeros().toPlainString() + " kg/m³, drift ≤ ±" + r.driftLimit();
    }
}
