package org.jiliang.lims.platform;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Hands e-mails to the institute's mail server through the server's mail session ({@value #MAIL_SESSION}), a batch
 * on one SMTP connection, outside any transaction: the callers (recall letters, impact notices) claim what to send in a
 * transaction of their own before, and record what happened after.
 */
@Stateless
@PermitAll // internal: called by the deliveries
public class Mailer {

    public static final String MAIL_SESSION = "java:jboss/mail/lims";

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    /** An e-mail to send. */
    public record Mail(String to, String subject, String body) {
    }

    /**
     * What waits to be mailed, in transactions of its own: {@code claim} marks at most {@code max} items after id
     * {@code after} SENDING and returns their mails by id (it throws when another delivery claimed them first);
     * {@code sent} and {@code failed} record the outcome.
     */
    public interface Outbox {
        Map<Long, Mail> claim(long after, int max);

        void sent(List<Long> ids);

        void failed(long id, String reason);

        /**
         * Claimed but not handed over: the mail server could not be reached. The attempt does not count against
         * {@link MailDelivery#MAX_ATTEMPTS}; the next delivery tries them again.
         */
        void notTried(List<Long> ids, String reason);
    }

    /** What a delivery did: mailed, refused for a reason of their own, left waiting for the mail server. */
    public record Delivered(int mailed, int failed, int waiting) {
    }

    /** What one batch came to: the refused by key with their reasons, and those not tried and why. */
    private record Outcome(Map<Long, String> failures, List<Long> notTried, String unreachable) {
    }

    @Resource(lookup = MAIL_SESSION)
    private Session mail;

    public Mailer() {
    }

    /** With a mail session of one's own (tests: a mail server on loopback). */
    Mailer(Session mail) {
        this.mail = mail;
    }

    /**
     * Sends the mails in their order on one connection (a fresh one after a failure) and returns why each one that
     * failed did, by its key; the keys go into the header {@code X-Jiliang-<header>}. A connection that cannot be
     * made or authenticated stops the batch: that mail and the rest are not tried (a mail server that is down, or
     * configured wrongly, refuses every mail the same way, and each would use up one of its attempts).
     */
    private Outcome send(Map<Long, Mail> mails, String header) {
        // the server's session, with time limits: a mail server that accepts and then stalls must not hold the caller
        Properties properties = new Properties();
        properties.putAll(mail.getProperties());
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "20000");
        properties.put("mail.smtp.writetimeout", "20000");
        Session session = Session.getInstance(properties);
        Map<Long, String> failures = new LinkedHashMap<>();
        List<Long> keys = new ArrayList<>(mails.keySet());
        Transport transport = null;
        try {
            for (int i = 0; i < keys.size(); i++) {
                long id = keys.get(i);
                Mail message = mails.get(id);
                if (transport == null || !transport.isConnected()) {
                    transport = close(transport);
                    try {
                        transport = session.getTransport("smtp");
                        transport.connect();
                    } catch (MessagingException | RuntimeException e) {
                        transport = close(transport);
                        return new Outcome(failures, List.copyOf(keys.subList(i, keys.size())), reason(e));
                    }
                }
                try {
                    MimeMessage m = new MimeMessage(session);
                    m.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
                    m.setSubject(message.subject(), StandardCharsets.UTF_8.name());
                    m.setText(message.body(), StandardCharsets.UTF_8.name());
                    m.setHeader("X-Jiliang-" + header, Long.toString(id));
                    m.saveChanges();
                    transport.sendMessage(m, m.getAllRecipients());
                } catch (MessagingException | RuntimeException e) {
                    String reason = reason(e);
                    LOG.warning(() -> header + " " + id + " to " + message.to() + " not sent: " + reason);
                    failures.put(id, reason);
                    transport = close(transport); // the next mail on a fresh connection
                }
            }
        } finally {
            close(transport);
        }
        return new Outcome(failures, List.of(), null);
    }

    private static String reason(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * Sends what the outbox holds, {@code batch} at a time: claimed in a transaction, handed to the mail server outside
     * any, then recorded; an item left SENDING by a crash is never sent again (at most once).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Delivered deliver(Outbox outbox, int batch, String header) {
        int mailed = 0;
        int failed = 0;
        long after = 0;
        while (true) {
            Map<Long, Mail> claimed;
            try {
                claimed = outbox.claim(after, batch);
            } catch (EJBException e) {
                // another delivery claimed the same items first: it sends them
                LOG.info(() -> header + " delivery: taken by another run (" + e.getMessage() + ")");
                break;
            }
            if (claimed.isEmpty()) {
                break;
            }
            after = claimed.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            Outcome outcome = send(claimed, header);
            Map<Long, String> failures = outcome.failures();
            List<Long> sent = new ArrayList<>();
            Set<Long> notTried = Set.copyOf(outcome.notTried());
            for (Long id : claimed.keySet()) {
                String reason = failures.get(id);
                if (notTried.contains(id)) {
                    continue;
                }
                if (reason == null) {
                    sent.add(id);
                    mailed++;
                } else {
                    outbox.failed(id, reason);
                    failed++;
                }
            }
            outbox.sent(sent);
            if (!outcome.notTried().isEmpty()) {
                // the batch goes back to the outbox as it was; what was not claimed stays for the next delivery
                outbox.notTried(outcome.notTried(), outcome.unreachable());
                int waiting = outcome.notTried().size();
                LOG.warning(() -> header + " delivery: the mail server cannot be reached (" + outcome.unreachable()
                        + "); " + waiting + " e-mails claimed wait for the next delivery, with those not claimed");
                return new Delivered(mailed, failed, waiting);
            }
        }
        return new Delivered(mailed, failed, 0);
    }

    private static Transport close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.fine(() -> "closing the SMTP connection: " + e.getMessage());
            }
        }
        return null;
    }
}
