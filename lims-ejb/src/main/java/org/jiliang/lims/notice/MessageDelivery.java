package org.jiliang.lims.notice;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jiliang.lims.platform.Mailer;

/**
 * E-mails the customers' messages that wait for it, every twenty seconds: a message written in a transaction goes
 * out once it has committed; one the mail server refused is tried again by the next runs, at most
 * {@link org.jiliang.lims.platform.MailDelivery#MAX_ATTEMPTS} times. Not persistent: a run missed while the server
 * was down is simply the next one.
 */
@Singleton
@PermitAll
public class MessageDelivery {

    @Inject
    private CustomerMessages messages;
    @Inject
    private Mailer mailer;

    @Schedule(second = "*/20", minute = "*", hour = "*", persistent = false, info = "customer messages by e-mail")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void deliverPending() {
        mailer.deliver(new Mailer.Outbox() {
            @Override
            public Map<Long, Mailer.Mail> claim(long after, int max) {
                return messages.claim(after, max);
            }

            @Override
            public void sent(List<Long> ids) {
                messages.sent(ids);
            }

            @Override
            public void failed(long id, String reason) {
                messages.failed(id, reason);
            }

            @Override
            public void notTried(List<Long> ids, String reason) {
                messages.notTried(ids, reason);
            }
        }, 50, "Message");
    }
}
