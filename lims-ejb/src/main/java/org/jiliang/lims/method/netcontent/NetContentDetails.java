package org.jiliang.lims.method.netcontent;

import java.util.List;

/**
 * What the bench and review pages show of a lot beyond its points: the edition, Q_n, T with its line of the table,
 * the plan, how the tare is found (with the average once known), the sample's statistics and the verdict with its
 * reasons once every package is there (null until then). Every figure as printed.
 */
public record NetContentDetails(String edition, String labelled, String t, String plan, String tare,
        String statistics, String verdict, List<String> reasons) {
}
