/** Protocol-neutral readings handed to the server: what a frame means, with the frame it came from. */
package org.jiliang.instrument.reading;
