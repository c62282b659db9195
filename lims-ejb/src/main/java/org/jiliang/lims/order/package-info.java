/**
 * Verification and calibration jobs: which instrument, which procedure, who works on it, where it is in its life
 * cycle, and what it holds — its test points, the readings captured into them, the bench conditions, the standards
 * used. One aggregate in one package (the job and its points depend on each other). The workflow services here
 * work for every kind of job through {@link org.jiliang.lims.order.MeasurementMethod}.
 */
package org.jiliang.lims.order;
