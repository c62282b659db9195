/**
 * Calibration of weights of classes E1 to M3 after OIML R 111-1:2004 / JJG 99: the MPE table, comparator weighing
 * cycles, air density and buoyancy, the C.6 uncertainty budget and the conformity decision.
 */
package org.jiliang.lims.metrology.weight;
