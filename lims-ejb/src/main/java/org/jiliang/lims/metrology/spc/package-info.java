/**
 * Shewhart control charts for the intermediate checks of measurement standards (ISO 7870-2, GB/T 17989.2):
 * individuals and moving range, mean and range, their limits from a stated base period, and the eight tests for
 * special causes that turn a point into an out-of-control signal.
 */
package org.jiliang.lims.metrology.spc;
