package org.jiliang.lims.schedule;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.jiliang.lims.platform.Mailer;

/**
 * Sends the letters' e-mails through the {@link Mailer}: the letters are claimed (SENDING) {@value #BATCH} at a time
 * in a transaction of their own, handed to the mail server outside any transaction, then marked SENT or FAILED; a
 * letter left SENDING by a crash is never sent again (at most once), and counted as uncertain.
 */
@Stateless
@PermitAll // internal: called by RecallRun
public class RecallDelivery {

    /**
     * Letters claimed (marked SENDING) at a time: a crash in the middle of a batch leaves at most this many
     * "delivery uncertain" for the staff to check, and never sends one twice.
     */
    static final int BATCH = 50;

    /** What a delivery did. */
    public record Delivered(int mailed, int failed, int waiting, int uncertain) {
    }

    @EJB
    private Mailer mailer;
    @EJB
    private RecallLetters letters;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Delivered deliverPending() {
        Mailer.Delivered done = mailer.deliver(letters, BATCH, "Letter");
        return new Delivered(done.mailed(), done.failed(), done.waiting(), letters.uncertain());
    }
}
