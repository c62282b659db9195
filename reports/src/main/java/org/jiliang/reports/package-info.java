/** Value types shared by every document the reports module renders, such as quantities with their unit. */
package org.jiliang.reports;
