package org.jiliang.lims.registry;

import java.time.LocalDate;

/**
 * One edition of a category under legal control as pages, the API and the catalogue file give it.
 *
 * @param supervision P, V or P+V
 * @param onSite verification is usually done where the instrument is used
 * @param freeProgramme the free-verification programme the category belongs to, or null
 * @param recallDays the advance-recall window: owners are told this many days before the due date
 * @param instrumentKind the register's kind of instrument that falls in this category by default, or null
 */
public record CategoryView(String code, String edition, LocalDate effectiveFrom, String nameZh, String nameEn,
        String supervision, String regulation, int intervalMonths, boolean onSite, String freeProgramme,
        int recallDays, String instrumentKind, String source) {

    /** Under mandatory verification (V or P+V): counted by 受检率. */
    public boolean mandatoryVerification() {
        return supervision.contains("V");
    }
}
