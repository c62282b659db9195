package org.jiliang.lims.integrity;

/**
 * What a trader's integrity record counts (the columns of {@code integrity/grades.csv}).
 *
 * @param overdue     instruments under mandatory verification, in service, past their due date today
 * @param failed      verifications within the window that found an instrument non-conforming
 * @param shortLots   lots of the trader's prepackages that failed a net-content inspection within the window
 * @param enforcement enforcement outcomes decided about the trader within the window
 */
public record Findings(long overdue, long failed, long shortLots, long enforcement) {

    public static final Findings NONE = new Findings(0, 0, 0, 0);

    public boolean any() {
        return overdue > 0 || failed > 0 || shortLots > 0 || enforcement > 0;
    }
}
