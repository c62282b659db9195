package org.jiliang.lims.audit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jiliang.lims.platform.Messages;

/**
 * The result of checking the whole trail: intact, or the first entry that can no longer be
 * trusted and what is wrong (a message key with its arguments, said in the reader's language).
 * Also what was compared: the head of the chain ({@code headMatches} is null when the check
 * stopped before the end of the trail), and how many keyed anchors were checked.
 */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenSequence, String problemKey,
        List<String> problemArguments, long headSequence, Boolean headMatches, long anchorsChecked,
        Instant lastAnchorAt) {

    public ChainVerification {
        problemArguments = problemArguments == null ? List.of() : List.copyOf(problemArguments);
    }

    /** The problem as a sentence, or null when the trail is intact. */
    public String problem(Locale locale) {
        return problemKey == null ? null : Messages.format(locale, problemKey, problemArguments.toArray());
    }
}
