/**
 * The verification of blood-pressure meters (sphygmomanometers): automated meters by JJG 692-2010, mercury and
 * aneroid meters by JJG 270-2008 (docs/blood-pressure-verification.md). The editions, limits, test points and
 * parameters are data ({@code metrology/bloodpressure/*.csv}); {@link org.jiliang.lims.metrology.bloodpressure.BpTestPlan}
 * plans the points for one meter and judges the technician's readings into a verdict with bilingual reasons.
 */
package org.jiliang.lims.metrology.bloodpressure;
