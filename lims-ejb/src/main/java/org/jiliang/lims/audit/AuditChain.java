package org.jiliang.lims.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The hash chain: entry_hash = SHA-256(previous_hash | sequence | time | actor | action |
 * record | job | old | new | reason), fields joined by U+001F, an absent value as U+0000. Changing,
 * deleting or inserting any entry breaks the chain at that entry or the next one. The chain is
 * unkeyed, so anyone can recompute it; {@link AnchorSeal} adds what only the server can make.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(AuditEntry e) {
        return hash(e.previousHash(), e.sequence(), e.recordedAt(), e.actor(), e.action(), e.recordType(),
                e.recordId(), e.jobId(), e.oldValue(), e.newValue(), e.reason());
    }

    static String hash(ChainLink e) {
        return hash(e.previousHash(), e.sequence(), e.recordedAt(), e.actor(), e.action(), e.recordType(),
                e.recordId(), e.jobId(), e.oldValue(), e.newValue(), e.reason());
    }

    private static String hash(String previousHash, long sequence, java.time.Instant recordedAt, String actor,
            String action, String recordType, String recordId, Long jobId, String oldValue, String newValue,
            String reason) {
        String canonical = String.join("\u001f", previousHash, Long.toString(sequence), recordedAt.toString(), actor,
                action, recordType, recordId, Objects.toString(jobId, ""), Objects.toString(oldValue, "\u0000"),
                Objects.toString(newValue, "\u0000"), Objects.toString(reason, "\u0000"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }
}
