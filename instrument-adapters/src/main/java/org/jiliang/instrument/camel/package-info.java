/** The {@code bench-device} Camel component: glue that polls bench devices over a transport and emits readings. */
package org.jiliang.instrument.camel;
