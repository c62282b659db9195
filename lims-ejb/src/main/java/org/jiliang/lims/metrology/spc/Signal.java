package org.jiliang.lims.metrology.spc;

/**
 * An out-of-control signal: the point of a series that completes a test for special causes.
 *
 * @param index     the point's position in the series, from 0
 * @param statistic which chart of the pair it is on
 * @param rule      the test it completes
 */
public record Signal(int index, Statistic statistic, RunRule rule) {

    /** The charts of the two pairs. */
    public enum Statistic {
        /** The readings themselves (individuals chart). */
        VALUE,
        /** The moving range of two consecutive readings. */
        MOVING_RANGE,
        /** A subgroup's mean. */
        MEAN,
        /** A subgroup's range. */
        RANGE
    }
}
