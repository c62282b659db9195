package org.jiliang.lims.notice;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
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
        mailer.deliver(messages, 50, "Message");
    }
}
