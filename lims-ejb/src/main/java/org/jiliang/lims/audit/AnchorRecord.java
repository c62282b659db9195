package org.jiliang.lims.audit;

import java.time.Instant;

/** A stored anchor as the verification reads it: which entry, its hash, when, with which key, and the MAC. */
public record AnchorRecord(long id, long sequence, String entryHash, Instant anchoredAt, String keyId, String mac) {
}
