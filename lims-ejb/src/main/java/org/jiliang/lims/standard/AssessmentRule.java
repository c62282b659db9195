package org.jiliang.lims.standard;

import java.time.LocalDate;
import org.jiliang.lims.metrology.CsvResource;

/**
 * When a standard's assessment certificate (计量标准考核证书) asks for attention: from the day the institute is to apply
 * for re-examination (a number of months before the certificate's validity ends, read from
 * {@code legal/standard-assessment.csv}, JJF 1033) until it ends, and after.
 */
public final class AssessmentRule {

    /** What a certificate's dates say on a day. */
    public enum State {
        /** No assessment certificate recorded. */
        NONE,
        /** Valid, re-examination not yet due. */
        VALID,
        /** Valid, and the application for re-examination is due. */
        REEXAMINATION_DUE,
        /** Its validity has ended. */
        EXPIRED
    }

    /** Months before the end of validity when the application for re-examination is due. */
    public static final int MONTHS_BEFORE = CsvResource.load("legal/standard-assessment.csv")
            .requireMetadata("source", "edition").rows().stream()
            .filter(r -> r.text("rule").equals("reexamination_application_before_expiry")).findFirst()
            .orElseThrow(() -> new IllegalStateException("legal/standard-assessment.csv has no"
                    + " reexamination_application_before_expiry"))
            .integer("months");

    private AssessmentRule() {
    }

    /** The day the application for re-examination is due: the stated months before the validity ends. */
    public static LocalDate reexaminationFrom(LocalDate validUntil) {
        return validUntil.minusMonths(MONTHS_BEFORE);
    }

    /** The state on a day of a certificate valid until {@code validUntil} (null: none recorded). */
    public static State on(LocalDate validUntil, LocalDate day) {
        if (validUntil == null) {
            return State.NONE;
        }
        if (day.isAfter(validUntil)) {
            return State.EXPIRED;
        }
        return day.isBefore(reexaminationFrom(validUntil)) ? State.VALID : State.REEXAMINATION_DUE;
    }
}
