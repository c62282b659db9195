/** The institute's measurement standards (计量标准): validity, due dates, traceability. */
package org.jiliang.lims.standard;
