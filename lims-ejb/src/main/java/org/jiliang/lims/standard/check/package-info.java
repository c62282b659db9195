/**
 * Intermediate checks of the institute's standards between calibrations (期间核查; ISO/IEC 17025 §6.4.10, JJF 1033):
 * a check plan per standard, the checks recorded against it and evaluated at once (normalized error against the
 * check standard's reference value, Shewhart control charts from a stated base period), and the case a failed or
 * out-of-control check opens. The charts themselves are {@code metrology.spc}.
 */
package org.jiliang.lims.standard.check;
