/**
 * Sartorius SBI: typed ESC commands, typed output lines (16- and 22-character formats, {@code Stat}
 * codes) and the codec between them and bytes; protocols.md 4.2.
 */
package org.jiliang.instrument.sbi;
