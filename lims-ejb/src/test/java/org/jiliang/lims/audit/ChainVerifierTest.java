package org.jiliang.lims.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The verification's logic without a container: a trail of 30 entries anchored at 10 and 20 (and
 * its head at 30), and what someone with write access to the database but without the key can do
 * to it: delete the newest entries, rewrite an entry and recompute the chain and the head, make
 * up an anchor, delete the newest anchors. Each must show in the verdict.
 */
class ChainVerifierTest {

    private static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");
    private final AnchorSeal seal = new AnchorSeal(new SecretKeySpec(new byte[32], "AES"));

    @Test
    void anIntactTrailPassesThroughEveryAnchorAndEndsAtItsHead() {
        List<ChainLink> trail = trail(30);
        List<AnchorRecord> anchors = List.of(anchor(1, trail.get(9)), anchor(2, trail.get(19)));

        ChainVerification v = verify(trail, anchors, Optional.of(witness(anchors.get(1))), head(trail));

        assertThat(v.intact()).as(v.problemKey()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(30);
        assertThat(v.headMatches()).isTrue();
        assertThat(v.anchorsChecked()).isEqualTo(2);
        assertThat(v.lastAnchorAt()).isEqualTo(anchors.get(1).anchoredAt());
        assertThat(v.problem(java.util.Locale.ENGLISH)).isNull();
    }

    @Test
    void entriesAsAuditTrailWritesThemVerify() {
        AuditEntry first = new AuditEntry(1, T0, new AuditEvent("clerk", "job.received", "job", "7", 7L, null,
                "RECEIVED", null), AuditChain.GENESIS);
        AuditEntry second = new AuditEntry(2, T0.plusMillis(1), new AuditEvent("checker", "job.sentBack", "job", "7",
                7L, "MEASURED", "IN_PROGRESS", "复测"), first.entryHash());
        ChainVerifier walk = new ChainVerifier(Optional.of(seal), java.util.Collections.emptyIterator(),
                Optional.empty());

        assertThat(walk.accept(first.link())).isTrue();
        assertThat(walk.accept(second.link())).isTrue();
        assertThat(walk.finish(2, second.entryHash()).intact()).isTrue();
    }

    @Test
    void deletingTheNewestEntriesLeavesTheTrailShorterThanItsHead() {
        List<ChainLink> trail = trail(30);
        String[] head = head(trail);

        ChainVerification v = verify(trail.subList(0, 27), List.of(), Optional.empty(), head);

        assertThat(v.intact()).isFalse();
        assertThat(v.problemKey()).isEqualTo("audit.problem.truncated");
        assertThat(v.firstBrokenSequence()).isEqualTo(28);
        assertThat(v.headMatches()).isFalse();
        assertThat(v.problem(java.util.Locale.ENGLISH)).contains("ends at entry 27", "records entry 30");
    }

    @Test
    void anEntryChangedWithoutRecomputingBreaksTheChainThere() {
        List<ChainLink> trail = new ArrayList<>(trail(30));
        ChainLink e = trail.get(14);
        trail.set(14, new ChainLink(e.sequence(), e.recordedAt(), e.actor(), e.action(), e.recordType(), e.recordId(),
                e.jobId(), e.oldValue(), "swapped", e.reason(), e.previousHash(), e.entryHash()));

        ChainVerification v = verify(trail, List.of(), Optional.empty(), head(trail));

        assertThat(v.problemKey()).isEqualTo("audit.problem.altered");
        assertThat(v.firstBrokenSequence()).isEqualTo(15);
        assertThat(v.entriesChecked()).isEqualTo(14);
    }

    @Test
    void aRewrittenAndRecomputedChainWithItsHeadDoesNotPassThroughTheAnchors() {
        List<ChainLink> trail = trail(30);
        List<AnchorRecord> anchors = List.of(anchor(1, trail.get(9)), anchor(2, trail.get(19)));
        List<ChainLink> forged = recomputedFrom(trail, 15, "swapped");

        ChainVerification v = verify(forged, anchors, Optional.of(witness(anchors.get(1))), head(forged));

        assertThat(v.intact()).isFalse();
        assertThat(v.problemKey()).isEqualTo("audit.problem.anchorMismatch");
        assertThat(v.firstBrokenSequence()).as("after the last anchor that still holds").isEqualTo(11);
        assertThat(v.anchorsChecked()).isEqualTo(1);
        assertThat(v.headMatches()).as("the walk stopped before the head").isNull();
        assertThat(v.problem(java.util.Locale.ENGLISH)).contains("#2", "entries 11 to 20");
    }

    @Test
    void anAnchorMadeWithoutTheKeyIsCalledForged() {
        List<ChainLink> forged = recomputedFrom(trail(30), 15, "swapped");
        AnchorSeal guess = new AnchorSeal(new SecretKeySpec("a guessed key, 32 bytes long...".getBytes(), "AES"));
        ChainLink at30 = forged.get(29);
        Instant t = T0.plusSeconds(3600);
        AnchorRecord madeUp = new AnchorRecord(7, 30, at30.entryHash(), t, guess.keyId(),
                guess.mac(30, at30.entryHash(), t));

        ChainVerification v = verify(forged, List.of(madeUp), Optional.empty(), head(forged));

        assertThat(v.problemKey()).isEqualTo("audit.problem.anchorForged");
        assertThat(v.problemArguments()).first().isEqualTo("7");
    }

    @Test
    void cuttingBackEntriesAndHeadIsCaughtByAnAnchorBeyondTheEnd() {
        List<ChainLink> trail = trail(30);
        List<AnchorRecord> anchors = List.of(anchor(1, trail.get(9)), anchor(2, trail.get(19)));
        List<ChainLink> cut = trail.subList(0, 15);

        ChainVerification v = verify(cut, anchors, Optional.empty(), head(cut));

        assertThat(v.problemKey()).isEqualTo("audit.problem.anchorBeyondEnd");
        assertThat(v.firstBrokenSequence()).isEqualTo(11);
    }

    @Test
    void deletingTheNewestAnchorsToRewriteWhatTheyCoveredIsCaughtByTheWitness() {
        List<ChainLink> trail = trail(30);
        List<AnchorRecord> anchors = List.of(anchor(1, trail.get(9)), anchor(2, trail.get(19)));
        List<ChainLink> forged = recomputedFrom(trail, 15, "swapped");

        // anchor 2 deleted: the chain passes through anchor 1, but the server remembers making anchor 2
        ChainVerification v = verify(forged, anchors.subList(0, 1), Optional.of(witness(anchors.get(1))),
                head(forged));

        assertThat(v.problemKey()).isEqualTo("audit.problem.anchorMissing");
        assertThat(v.firstBrokenSequence()).isEqualTo(11);
    }

    @Test
    void withoutTheKeyOnlyTheUnkeyedChainIsCheckedAndThatIsNotEnough() {
        List<ChainLink> trail = trail(30);
        List<AnchorRecord> anchors = List.of(anchor(1, trail.get(9)));

        ChainVerifier walk = new ChainVerifier(Optional.empty(), anchors.iterator(), Optional.empty());
        trail.forEach(walk::accept);
        ChainVerification v = walk.finish(30, trail.get(29).entryHash());

        assertThat(v.intact()).isFalse();
        assertThat(v.problemKey()).isEqualTo("audit.problem.keyUnavailable");
        assertThat(v.entriesChecked()).isEqualTo(30);
        assertThat(v.headMatches()).isTrue();
        assertThat(v.anchorsChecked()).isZero();
    }

    @Test
    void theVerifierTakesEntriesOneAtATimeFromAnyIterator() {
        // A trail generated on the fly: nothing but the walk's own state is kept between entries.
        int length = 200_000;
        Iterator<ChainLink> generated = new Iterator<>() {
            private long next = 1;
            private String previous = AuditChain.GENESIS;

            @Override
            public boolean hasNext() {
                return next <= length;
            }

            @Override
            public ChainLink next() {
                ChainLink link = link(next++, previous);
                previous = link.entryHash();
                return link;
            }
        };
        ChainVerifier walk = new ChainVerifier(Optional.of(seal), java.util.Collections.emptyIterator(),
                Optional.empty());
        String last = null;
        while (generated.hasNext()) {
            ChainLink l = generated.next();
            assertThat(walk.accept(l)).isTrue();
            last = l.entryHash();
        }

        ChainVerification v = walk.finish(length, last);

        assertThat(v.intact()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(length);
    }

    private ChainVerification verify(List<ChainLink> entries, List<AnchorRecord> anchors,
            Optional<AnchorWitness.Last> witness, String[] head) {
        ChainVerifier walk = new ChainVerifier(Optional.of(seal), anchors.iterator(), witness);
        for (ChainLink e : entries) {
            if (!walk.accept(e)) {
                break;
            }
        }
        return walk.finish(Long.parseLong(head[0]), head[1]);
    }

    private static String[] head(List<ChainLink> trail) {
        ChainLink last = trail.get(trail.size() - 1);
        return new String[] {Long.toString(last.sequence()), last.entryHash()};
    }

    private AnchorRecord anchor(long id, ChainLink at) {
        Instant t = at.recordedAt().plusMillis(1);
        return new AnchorRecord(id, at.sequence(), at.entryHash(), t, seal.keyId(),
                seal.mac(at.sequence(), at.entryHash(), t));
    }

    private static AnchorWitness.Last witness(AnchorRecord a) {
        return new AnchorWitness.Last(a.id(), a.sequence(), a.mac(), a.anchoredAt());
    }

    private static List<ChainLink> trail(int length) {
        List<ChainLink> trail = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (long s = 1; s <= length; s++) {
            ChainLink link = link(s, previous);
            trail.add(link);
            previous = link.entryHash();
        }
        return trail;
    }

    /** What someone with SQL and the public formula does: change one entry, recompute every hash after it. */
    private static List<ChainLink> recomputedFrom(List<ChainLink> trail, long sequence, String newValue) {
        List<ChainLink> forged = new ArrayList<>(trail.subList(0, (int) sequence - 1));
        String previous = forged.get(forged.size() - 1).entryHash();
        for (ChainLink e : trail.subList((int) sequence - 1, trail.size())) {
            ChainLink unsealed = new ChainLink(e.sequence(), e.recordedAt(), e.actor(), e.action(), e.recordType(),
                    e.recordId(), e.jobId(), e.oldValue(), e.sequence() == sequence ? newValue : e.newValue(),
                    e.reason(), previous, null);
            ChainLink sealed = withHash(unsealed);
            forged.add(sealed);
            previous = sealed.entryHash();
        }
        return forged;
    }

    private static ChainLink link(long sequence, String previous) {
        return withHash(new ChainLink(sequence, T0.plusSeconds(sequence), "technician", "point.captured", "job",
                Long.toString(sequence / 10), sequence / 10, null, "I = " + sequence + " g", null, previous, null));
    }

    private static ChainLink withHash(ChainLink e) {
        return new ChainLink(e.sequence(), e.recordedAt(), e.actor(), e.action(), e.recordType(), e.recordId(),
                e.jobId(), e.oldValue(), e.newValue(), e.reason(), e.previousHash(), AuditChain.hash(e));
    }
}
