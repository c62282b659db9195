/** Build-time tools run by Maven while packaging this module, never at run time. */
package org.jiliang.reports.build;
