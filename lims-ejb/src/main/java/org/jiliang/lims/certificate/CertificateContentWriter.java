package org.jiliang.lims.certificate;

import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.procedure.TestPlan;

/**
 * A measurement method's part of issuing: what its certificate says (which document, which number series, how long
 * it is valid, a DCC, a result stored with it). Found, like the method, by the test plan of the job's procedure
 * edition; the approver's step, the signatures, the numbering, storing and the audit entry are
 * {@link CertificateService}'s and the same for every kind.
 */
public interface CertificateContentWriter extends TestPlan {

    /** Writes the certificate of an approved job; every reading and input is there (the job was checked). */
    IssuedContent write(VerificationJob job, CertificateIssue issue);
}
