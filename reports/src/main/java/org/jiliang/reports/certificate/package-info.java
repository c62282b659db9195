/** Verification certificates and notices of non-conformity: their input records, their templates and the PDF renderer. */
package org.jiliang.reports.certificate;
