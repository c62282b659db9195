/**
 * The verification test set of non-automatic weighing instruments (OIML R 76-1 / JJG 539): the test plan
 * generated from an instrument's parameters, and its evaluation into verdicts with reasons.
 */
package org.jiliang.lims.metrology.scale;
