package org.jiliang.lims.metrology.scale;

/**
 * What a technician records at one test point: a changeover-point reading (zero-setting, weighing, eccentricity,
 * tare), a series of them (repeatability), or the indications before and after the extra load (discrimination).
 */
public sealed interface PointReading permits ChangeoverReading, SeriesReading, DiscriminationReading {
}
