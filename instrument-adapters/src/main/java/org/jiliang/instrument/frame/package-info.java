/** Raw frames: the bytes a bench device sent, kept byte for byte as an original record. */
package org.jiliang.instrument.frame;
