/**
 * The {@code bench-device} Camel component: glue that reads bench devices over a TCP or serial link
 * with a protocol codec, emits readings, and keeps one owner per device.
 */
package org.jiliang.instrument.camel;
