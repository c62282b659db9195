package org.jiliang.lims.personnel;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.jiliang.lims.platform.RefusedException;

/**
 * Electronic signatures: the signer re-enters the password (counted like a login: LoginPolicy); the signature
 * binds the content's hash.
 */
@Stateless
@PermitAll // internal: called by other services and startup beans, which check roles themselves
public class SignatureService {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    @Inject
    private Clock clock;
    @Inject
    private LoginService logins;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Signature sign(long jobId, UserAccount signer, char[] password, SignatureMeaning meaning,
            String contentSha256) {
        RefusedException refused = logins.checkPassword(signer.username(), password, "signature");
        if (refused != null) {
            throw refused;
        }
        Signature signature = new Signature(jobId, signer, meaning, clock.instant(), contentSha256);
        em.persist(signature);
        return signature;
    }

    /**
     * A signature given in advance, without the password now: its signer signed, with the password, the run of work
     * it belongs to (a re-issue run of certificates), and that run's record names what they signed for.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Signature countersign(long jobId, UserAccount signer, SignatureMeaning meaning, String contentSha256) {
        Signature signature = new Signature(jobId, signer, meaning, clock.instant(), contentSha256);
        em.persist(signature);
        return signature;
    }

    public List<Signature> signaturesOf(long jobId) {
        return em.createQuery("select s from Signature s where s.jobId = :j order by s.signedAt", Signature.class)
                .setParameter("j", jobId).getResultList();
    }
}
