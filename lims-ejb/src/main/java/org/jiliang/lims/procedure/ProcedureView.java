package org.jiliang.lims.procedure;

import java.time.LocalDate;

/** An edition of a procedure as the administration page and the API show it. */
public record ProcedureView(long id, String code, String title, String kind, LocalDate effectiveFrom,
        String testPlan, String allowedStandardClasses, String limits, String limitsSource, boolean inForce) {
}
