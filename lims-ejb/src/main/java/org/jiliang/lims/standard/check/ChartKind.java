package org.jiliang.lims.standard.check;

/** Which Shewhart chart pair watches a check point (ISO 7870-2). */
public enum ChartKind {
    /** Individuals and moving range: one value per check (the mean of its readings if it takes several). */
    INDIVIDUALS,
    /** Mean and range: n readings per check, n from 2 to 10. */
    MEAN_RANGE
}
