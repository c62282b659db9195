/** Byte transports to bench devices and the line framing on top of them, with no Camel and no protocol knowledge. */
package org.jiliang.instrument.transport;
