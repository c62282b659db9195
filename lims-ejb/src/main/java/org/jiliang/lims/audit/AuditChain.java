package org.jiliang.lims.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hash chain: entry_hash = SHA-256(previous_hash | sequence | time | actor | action |
 * record | job | old | new | reason). Changing, deleting or inserting any entry breaks the
 * chain at that entry or the next one.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(AuditEntry e) {
        String canonical = String.join("\u001f", e.previousHash(), Long.toString(e.sequence()),
                e.recordedAt().toString(), e.actor(), e.action(), e.recordType(), e.recordId(),
                Objects.toString(e.jobId(), ""), Objects.toString(e.oldValue(), "\u0000"),
                Objects.toString(e.newValue(), "\u0000"), Objects.toString(e.reason(), "\u0000"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

    /** The first entry, in sequence order, whose hash or link does not hold; empty if the chain is intact. */
    public static Optional<BrokenLink> firstBrokenLink(List<AuditEntry> inSequence) {
        String expectedPrevious = GENESIS;
        long expectedSequence = 1;
        for (AuditEntry e : inSequence) {
            if (e.sequence() != expectedSequence) {
                return Optional.of(new BrokenLink(expectedSequence, "entry " + expectedSequence + " is missing"));
            }
            if (!e.previousHash().equals(expectedPrevious)) {
                return Optional.of(new BrokenLink(e.sequence(), "does not link to the entry before it"));
            }
            if (!hash(e).equals(e.entryHash())) {
                return Optional.of(new BrokenLink(e.sequence(), "content does not match its hash"));
            }
            expectedPrevious = e.entryHash();
            expectedSequence++;
        }
        return Optional.empty();
    }

    public record BrokenLink(long sequence, String problem) {
    }
}
