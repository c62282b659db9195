package org.jiliang.lims.metrology.prepackage;

import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.metrology.CsvResource;

/** The editions of the rules of net-content testing (JJF 1070) and the days each applies, from editions.csv. */
public final class NetContentEditions {

    static final String RESOURCE = "metrology/prepackage/editions.csv";

    /** An edition and the days it is in force (both inclusive; {@code until} null: still in force). */
    public record Edition(String name, LocalDate from, LocalDate until) {

        boolean inForceOn(LocalDate day) {
            return !day.isBefore(from) && (until == null || !day.isAfter(until));
        }
    }

    private static final List<Edition> EDITIONS = CsvResource.load(RESOURCE).requireMetadata("source", "edition")
            .rows().stream().map(r -> new Edition(r.text("edition"), r.date("effective_from"),
                    r.dateOrNull("effective_until"))).toList();

    private NetContentEditions() {
    }

    /** The edition in force on a day: a lot is judged by the rules of the day it was sampled. */
    public static Edition inForceOn(LocalDate day) {
        return EDITIONS.stream().filter(e -> e.inForceOn(day)).findFirst()
                .orElseThrow(() -> new NetContentRefusal("error.netContent.noEdition", day));
    }
}
