/** Certificates: approval and issue, numbering, the immutable PDF with its hash, customer access and public verification. */
package org.jiliang.lims.certificate;
