/**
 * Decision rules for statements of conformity after ILAC-G8:09/2019 (simple acceptance, binary with guard band,
 * non-binary) against one- and two-sided tolerance limits, with the bilingual statement ISO/IEC 17025 7.8.6 asks for.
 */
package org.jiliang.lims.metrology.decision;
