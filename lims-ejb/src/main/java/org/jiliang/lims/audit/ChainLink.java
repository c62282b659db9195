package org.jiliang.lims.audit;

import java.time.Instant;

/**
 * What the chain hash covers of one entry, plus the stored hashes: read in pages by the
 * verification (a JPQL constructor expression, so no entity stays in the persistence context).
 */
public record ChainLink(long sequence, Instant recordedAt, String actor, String action, String recordType,
        String recordId, Long jobId, String oldValue, String newValue, String reason, String previousHash,
        String entryHash) {
}
