/** Simulated bench devices on loopback, for tests and the demo profile only, never for production paths. */
package org.jiliang.instrument.simulator;
