package org.jiliang.lims.registry;

import java.time.LocalDate;

/** What the due plan needs of one edition of a category: its name, the day it applies from, its interval. */
public record CategoryEdition(String edition, LocalDate effectiveFrom, int intervalMonths) {
}
