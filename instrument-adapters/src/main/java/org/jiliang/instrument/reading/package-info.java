/**
 * Protocol-neutral readings handed to the server: what a frame means (a status and one or more
 * measured quantities), with the frame it came from.
 */
package org.jiliang.instrument.reading;
