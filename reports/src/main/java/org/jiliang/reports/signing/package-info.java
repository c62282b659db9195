/**
 * PAdES signatures of issued documents (ETSI EN 319 142-1 baseline B-B, and B-T with an RFC 3161 time stamp), made
 * with Apache PDFBox (incremental save, the byte range) and Bouncy Castle (the CMS signature, the time-stamp
 * protocol); self-signed certificates for a demonstration and a time-stamp authority on loopback for tests and the
 * demonstration.
 */
package org.jiliang.reports.signing;
