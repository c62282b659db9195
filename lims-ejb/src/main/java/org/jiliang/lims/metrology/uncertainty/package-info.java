/**
 * Evaluation of measurement uncertainty by the GUM (JCGM 100:2008): input quantities with Type A and Type B
 * standard uncertainties, the law of propagation with correlations, Welch–Satterthwaite degrees of freedom,
 * coverage factors and the rounded result a certificate prints; an engine that evaluates a measurement model and
 * finds its sensitivity coefficients ({@link org.jiliang.lims.metrology.uncertainty.ModelEvaluation}), least-squares
 * straight-line calibration curves and Monte Carlo propagation (JCGM 101). See docs/uncertainty-engine.md.
 */
package org.jiliang.lims.metrology.uncertainty;
