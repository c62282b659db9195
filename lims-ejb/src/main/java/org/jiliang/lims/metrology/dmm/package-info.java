/**
 * The metrology of a digital multimeter calibration (JJF 1587-2016, EURAMET cg-15, EA-4/02 M:2022 S9) and of a
 * standard resistor calibrated by substitution with a multimeter as comparator (EA-4/02 M:2022 S3): the points per
 * function and range ({@link org.jiliang.lims.metrology.dmm.DmmTestPlan}), the error of one point against a
 * multifunction calibrator ({@link org.jiliang.lims.metrology.dmm.DmmPointCalibration}) and the value of a resistor
 * ({@link org.jiliang.lims.metrology.dmm.ResistorSubstitution}), each evaluated by the uncertainty engine. Pure
 * computation: the method that wires it in fills the input records from the database. Explained in
 * docs/dmm-calibration.md.
 */
package org.jiliang.lims.metrology.dmm;
