/**
 * Certificates re-issued many at a time (issue 14): a run, signed once by the approver who starts it, re-issues every
 * certificate in force of a selection as a corrected revision, in a Jakarta Batch job (WildFly's batch subsystem);
 * each certificate is an item of its own transaction, so a run resumed after a crash skips what is done.
 */
package org.jiliang.lims.certificate.reissue;
