/** Demo institute data and simulated bench devices; active only when started with -Djiliang.demo=true. */
package org.jiliang.lims.demo;
