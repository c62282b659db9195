package org.jiliang.lims.schedule;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
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
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Sends the letters' e-mails through the server's mail session ({@value #MAIL_SESSION}), on one SMTP connection
 * for the run: the letters are claimed (SENDING) {@value #BATCH} at a time in a transaction of their own, handed to
 * the mail server outside any transaction, then marked SENT or FAILED; a letter left SENDING by a crash is never
 * sent again (at most once), and counted as uncertain.
 */
@Stateless
@PermitAll // internal: called by RecallRun
public class RecallDelivery {

    public static final String MAIL_SESSION = "java:jboss/mail/lims";

    /**
     * Letters claimed (marked SENDING) at a time: a crash in the middle of a batch leaves at most this many
     * "delivery uncertain" for the staff to check, and never sends one twice.
     */
    static final int BATCH = 50;

    private static final Logger LOG = Logger.getLogger(RecallDelivery.class.getName());

    /** What a delivery did. */
    public record Delivered(int mailed, int failed, int uncertain) {
    }

    @Resource(lookup = MAIL_SESSION)
    private Session mail;
    @EJB
    private RecallLetters letters;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Delivered deliverPending() {
        int mailed = 0;
        int failed = 0;
        // the server's session, with time limits: a mail server that accepts and then stalls must not hold the run
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(mail.getProperties());
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "20000");
        properties.put("mail.smtp.writetimeout", "20000");
        Session session = Session.getInstance(properties);
        Transport transport = null;
        long after = 0;
        try {
            while (true) {
                Map<Long, RecallLetters.Mail> batch;
                try {
                    batch = letters.claim(after, BATCH);
                } catch (EJBException e) {
                    // another delivery claimed the same letters first: it sends them
                    LOG.info(() -> "Recall delivery: letters taken by another run (" + e.getMessage() + ")");
                    break;
                }
                if (batch.isEmpty()) {
                    break;
                }
                List<Long> sent = new ArrayList<>();
                after = batch.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
                for (Map.Entry<Long, RecallLetters.Mail> entry : batch.entrySet()) {
                    long id = entry.getKey();
                    RecallLetters.Mail message = entry.getValue();
                    try {
                        MimeMessage m = new MimeMessage(session);
                        m.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
                        m.setSubject(message.subject(), StandardCharsets.UTF_8.name());
                        m.setText(message.body(), StandardCharsets.UTF_8.name());
                        m.setHeader("X-Jiliang-Letter", Long.toString(id));
                        m.saveChanges();
                        if (transport == null || !transport.isConnected()) {
                            transport = session.getTransport("smtp");
                            transport.connect();
                        }
                        transport.sendMessage(m, m.getAllRecipients());
                        sent.add(id);
                        mailed++;
                    } catch (MessagingException | RuntimeException e) {
                        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                        LOG.warning(() -> "Recall letter " + id + " to " + message.to() + " not sent: " + reason);
                        letters.failed(id, reason);
                        failed++;
                        transport = close(transport); // the next letter on a fresh connection
                    }
                }
                letters.sent(sent);
            }
        } finally {
            close(transport);
        }
        return new Delivered(mailed, failed, letters.uncertain());
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
