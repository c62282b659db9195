/**
 * Byte links to bench devices (TCP and serial through jSerialComm) behind one {@link org.jiliang.instrument.transport.Link}
 * interface, and the framers that cut their byte streams into frames; no Camel and no protocol knowledge.
 */
package org.jiliang.instrument.transport;
