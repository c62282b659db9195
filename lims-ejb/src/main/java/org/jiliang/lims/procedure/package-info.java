/** Verification regulations and calibration specifications as versioned data: tests, limits, required standards. */
package org.jiliang.lims.procedure;
