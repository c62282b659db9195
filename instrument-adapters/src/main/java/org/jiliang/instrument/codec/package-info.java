/**
 * Which codec reads a device's frames: one place that turns a device profile (protocol and its
 * commands) into a {@link org.jiliang.instrument.reading.DeviceCodec}, for the {@code bench-device}
 * endpoints that read devices and for the server that reads again what a bench agent forwards.
 */
package org.jiliang.instrument.codec;
