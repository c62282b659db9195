package org.jiliang.lims.audit;

/** The result of checking the whole chain: intact, or the first broken link and what is wrong with it. */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenSequence, String problem) {
}
