/**
 * Simulated bench devices (MT-SICS and SBI balances, a SCPI multimeter, a Vaisala PTU300 environment
 * monitor) over loopback TCP and pty serial ports, with injectable faults; for tests and the demo
 * profile only, never for production paths.
 */
package org.jiliang.instrument.simulator;
