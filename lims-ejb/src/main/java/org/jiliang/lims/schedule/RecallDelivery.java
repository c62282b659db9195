package org.jiliang.lims.schedule;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
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
import java.util.logging.Logger;

/**
 * Sends the letters' e-mails through the server's mail session ({@value #MAIL_SESSION}): each letter is claimed
 * (SENDING) in a transaction of its own, handed to the mail server outside any transaction, then marked SENT or
 * FAILED; a letter left SENDING by a crash is never sent again (at most once), and counted as uncertain.
 */
@Stateless
@PermitAll // internal: called by RecallRun
public class RecallDelivery {

    public static final String MAIL_SESSION = "java:jboss/mail/lims";

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
        for (long id : letters.toSend()) {
            RecallLetters.Mail message = letters.claim(id);
            if (message == null) {
                continue; // another run took it
            }
            try {
                MimeMessage m = new MimeMessage(session);
                m.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
                m.setSubject(message.subject(), StandardCharsets.UTF_8.name());
                m.setText(message.body(), StandardCharsets.UTF_8.name());
                m.setHeader("X-Jiliang-Letter", Long.toString(id));
                Transport.send(m);
                letters.sent(id);
                mailed++;
            } catch (MessagingException | RuntimeException e) {
                String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warning(() -> "Recall letter " + id + " to " + message.to() + " not sent: " + reason);
                letters.failed(id, reason);
                failed++;
            }
        }
        return new Delivered(mailed, failed, letters.uncertain());
    }
}
