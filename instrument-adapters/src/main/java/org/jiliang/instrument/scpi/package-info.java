/**
 * SCPI / IEEE 488.2 for bench multimeters and calibrators: typed commands, typed responses (readings in
 * NR1/NR2/NR3, identification, error-queue entries) and the codec; protocols.md 4.3.
 */
package org.jiliang.instrument.scpi;
