package org.jiliang.lims.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.jiliang.lims.platform.ClockProducer;

/**
 * Walks the trail one entry at a time, in sequence order, beside the anchors in sequence order,
 * and stops at the first problem. Holds one entry and one anchor at a time, so memory does not
 * grow with the trail. At the end it compares the last entry with the stored head (which catches
 * deleted newest entries) and checks that the newest anchor the server remembers is still there.
 *
 * <p>A key that cannot be read leaves the anchors unchecked; the result then is not intact, because
 * it proves only the unkeyed chain, which anyone with write access can recompute.
 */
public final class ChainVerifier {

    private final AnchorSeal seal;
    private final Iterator<AnchorRecord> anchors;
    private final AnchorWitness.Last witness;

    private AnchorRecord nextAnchor;
    private long expectedSequence = 1;
    private String expectedPrevious = AuditChain.GENESIS;
    private long entriesChecked;
    private long anchorsChecked;
    private long provenUpTo; // sequence of the last anchor that verified: the chain up to it is proven
    private Instant lastAnchorAt;
    private boolean witnessSeen;
    private Long brokenAt;
    private String problemKey;
    private List<String> problemArguments = List.of();

    /**
     * @param seal the server's anchor key, or empty when it cannot be read
     * @param anchorsInSequence the stored anchors ordered by sequence (then id)
     * @param witness the newest anchor the server remembers making, if any
     */
    public ChainVerifier(Optional<AnchorSeal> seal, Iterator<AnchorRecord> anchorsInSequence,
            Optional<AnchorWitness.Last> witness) {
        this.seal = seal.orElse(null);
        this.anchors = anchorsInSequence;
        this.witness = witness.orElse(null);
        this.nextAnchor = anchors.hasNext() ? anchors.next() : null;
    }

    /** Checks the next entry; false once a problem was found (the walk can stop). */
    public boolean accept(ChainLink e) {
        if (problemKey != null) {
            return false;
        }
        if (e.sequence() != expectedSequence) {
            return fail(expectedSequence, "audit.problem.missing", expectedSequence);
        }
        if (!e.previousHash().equals(expectedPrevious)) {
            return fail(e.sequence(), "audit.problem.unlinked", e.sequence());
        }
        if (!AuditChain.hash(e).equals(e.entryHash())) {
            return fail(e.sequence(), "audit.problem.altered", e.sequence());
        }
        entriesChecked++;
        expectedPrevious = e.entryHash();
        expectedSequence++;
        while (nextAnchor != null && nextAnchor.sequence() <= e.sequence()) {
            if (!checkAnchor(nextAnchor, e)) {
                return false;
            }
            nextAnchor = anchors.hasNext() ? anchors.next() : null;
        }
        return true;
    }

    /** The verdict, once every entry up to the head's sequence was offered (or the walk stopped). */
    public ChainVerification finish(long headSequence, String headHash) {
        long last = expectedSequence - 1;
        // Compared only when the walk reached the end; a walk stopped by a problem never saw the end.
        Boolean headMatches = problemKey == null ? last == headSequence && expectedPrevious.equals(headHash) : null;
        if (problemKey == null) {
            if (last < headSequence) {
                fail(last + 1, "audit.problem.truncated", last, headSequence);
            } else if (!expectedPrevious.equals(headHash)) {
                fail(last, "audit.problem.headMismatch", last);
            } else if (nextAnchor != null) {
                AnchorRecord a = nextAnchor;
                if (seal == null || seal.verifies(a)) {
                    fail(provenUpTo + 1, "audit.problem.anchorBeyondEnd", a.id(), a.anchoredAt(), a.sequence(), last);
                } else {
                    fail(a.sequence(), "audit.problem.anchorForged", a.id(), a.anchoredAt());
                }
            } else if (seal != null && witness != null && !witnessSeen) {
                fail(provenUpTo + 1, "audit.problem.anchorMissing", witness.id(), witness.anchoredAt(),
                        witness.sequence());
            } else if (seal == null) {
                fail(null, "audit.problem.keyUnavailable");
            }
        }
        return new ChainVerification(problemKey == null, entriesChecked, brokenAt, problemKey, problemArguments,
                headSequence, headMatches, anchorsChecked, lastAnchorAt);
    }

    private boolean checkAnchor(AnchorRecord a, ChainLink e) {
        if (seal == null) {
            return true; // nothing to check it with; finish() says so
        }
        if (!seal.verifies(a)) {
            return fail(a.sequence(), "audit.problem.anchorForged", a.id(), a.anchoredAt());
        }
        if (a.sequence() != e.sequence() || !a.entryHash().equals(e.entryHash())) {
            // Something up to this entry changed after the anchor was made; the last good anchor bounds it.
            return fail(provenUpTo + 1, "audit.problem.anchorMismatch", a.id(), a.anchoredAt(), a.sequence(),
                    provenUpTo + 1);
        }
        anchorsChecked++;
        provenUpTo = a.sequence();
        if (lastAnchorAt == null || a.anchoredAt().isAfter(lastAnchorAt)) {
            lastAnchorAt = a.anchoredAt();
        }
        if (witness != null && witness.id() == a.id() && witness.mac().equals(a.mac())) {
            witnessSeen = true;
        }
        return true;
    }

    private boolean fail(Long sequence, String key, Object... arguments) {
        brokenAt = sequence;
        problemKey = key;
        List<String> texts = new ArrayList<>();
        for (Object argument : arguments) {
            texts.add(argument instanceof Instant time
                    ? LocalDateTime.ofInstant(time, ClockProducer.INSTITUTE_ZONE).truncatedTo(ChronoUnit.SECONDS)
                            .toString().replace('T', ' ')
                    : String.valueOf(argument));
        }
        problemArguments = texts;
        return false;
    }
}
