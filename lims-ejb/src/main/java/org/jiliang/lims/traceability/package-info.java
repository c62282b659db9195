/**
 * Traceability of the institute's standards (issue 13): the record of each calibration of a standard (by an
 * upper-level laboratory, or by the institute under one of its own certificates), and reverse traceability, the
 * certificates a standard has spoiled since a day, down through the standards calibrated under them.
 */
package org.jiliang.lims.traceability;
