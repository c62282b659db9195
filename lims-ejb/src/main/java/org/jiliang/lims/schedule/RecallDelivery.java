package org.jiliang.lims.schedule;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.Map;
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
        Mailer.Delivered done = mailer.deliver(new Mailer.Outbox() {
            @Override
            public Map<Long, Mailer.Mail> claim(long after, int max) {
                return letters.claim(after, max);
            }

            @Override
            public void sent(List<Long> ids) {
                letters.sent(ids);
            }

            @Override
            public void failed(long id, String reason) {
                letters.failed(id, reason);
            }

            @Override
            public void notTried(List<Long> ids, String reason) {
                letters.notTried(ids, reason);
            }
        }, BATCH, "Letter");
        return new Delivered(done.mailed(), done.failed(), done.waiting(), letters.uncertain());
    }
}
