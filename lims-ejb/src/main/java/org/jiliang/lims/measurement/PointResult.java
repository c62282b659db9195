package org.jiliang.lims.measurement;

import org.jiliang.lims.metrology.Mass;

/** What a capture computed for a test point: indication, error E = I − L, and the verdict against the MPE. */
public record PointResult(Mass indication, Mass error, boolean passed) {
}
