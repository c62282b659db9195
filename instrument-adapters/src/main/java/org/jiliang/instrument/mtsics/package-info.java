/** Mettler Toledo MT-SICS level 0/1: typed commands, typed responses and the codec between them and bytes. */
package org.jiliang.instrument.mtsics;
