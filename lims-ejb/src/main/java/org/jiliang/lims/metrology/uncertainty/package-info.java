/**
 * Evaluation of measurement uncertainty by the GUM (JCGM 100:2008): input quantities with Type A and Type B
 * standard uncertainties, the law of propagation with correlations, Welch–Satterthwaite degrees of freedom,
 * coverage factors and the rounded result a certificate prints.
 */
package org.jiliang.lims.metrology.uncertainty;
