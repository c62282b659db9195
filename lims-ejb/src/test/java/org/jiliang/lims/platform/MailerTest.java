package org.jiliang.lims.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * E-mails handed to a mail server on loopback (GreenMail), and to one that is not there: a server that cannot be
 * reached leaves the mails waiting with their attempts unspent and the delivery stops, where it used to count one
 * attempt against every mail (five deliveries, 100 s, and every mail of the outage was given up) and build each
 * message for nothing.
 */
@Timeout(60)
class MailerTest {

    /** An outbox in memory, as the letters, notices and messages keep theirs in the database. */
    private static final class Outbox implements Mailer.Outbox {
        final Map<Long, Mailer.Mail> waiting = new LinkedHashMap<>();
        final List<Long> sent = new ArrayList<>();
        final Map<Long, String> failed = new LinkedHashMap<>();
        final List<Long> notTried = new ArrayList<>();
        final List<String> notTriedBecause = new ArrayList<>();
        int claims;

        Outbox(int mails) {
            for (long id = 1; id <= mails; id++) {
                waiting.put(id, new Mailer.Mail("owner" + id + "@huadong-food.example",
                        "检定到期提醒 Verification due: 电子台秤 YH2026-" + id, "请于 2026-12-31 前送检。"));
            }
        }

        @Override
        public Map<Long, Mailer.Mail> claim(long after, int max) {
            claims++;
            Map<Long, Mailer.Mail> batch = new LinkedHashMap<>();
            waiting.entrySet().stream().filter(e -> e.getKey() > after).limit(max)
                    .forEach(e -> batch.put(e.getKey(), e.getValue()));
            return batch;
        }

        @Override
        public void sent(List<Long> ids) {
            sent.addAll(ids);
        }

        @Override
        public void failed(long id, String reason) {
            failed.put(id, reason);
        }

        @Override
        public void notTried(List<Long> ids, String reason) {
            notTried.addAll(ids);
            notTriedBecause.add(reason);
        }
    }

    private static Mailer mailerTo(int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.from", "lims@jianghai-metrology.example.cn");
        return new Mailer(Session.getInstance(properties));
    }

    private static int portNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aMailServerThatCannotBeReachedLeavesTheMailsWaitingWithTheirAttemptsUnspent() throws IOException {
        Outbox outbox = new Outbox(120);

        Mailer.Delivered done = mailerTo(portNobodyListensOn()).deliver(outbox, 50, "Letter");

        assertThat(done).isEqualTo(new Mailer.Delivered(0, 0, 50));
        assertThat(outbox.claims).as("the delivery stops at the first batch").isEqualTo(1);
        assertThat(outbox.notTried).hasSize(50).startsWith(1L).endsWith(50L);
        assertThat(outbox.notTriedBecause).singleElement().asString().contains("Couldn't connect to host");
        assertThat(outbox.failed).as("no mail refused: none was handed over").isEmpty();
        assertThat(outbox.sent).isEmpty();
    }

    /** A mail server on loopback, on a port the system chooses when it starts. */
    private static GreenMail mailServer() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        return smtp;
    }

    @Test
    void everyMailGoesToAServerThatAnswers() throws Exception {
        GreenMail smtp = mailServer();
        try {
            Outbox outbox = new Outbox(120);

            Mailer.Delivered done = mailerTo(smtp.getSmtp().getPort()).deliver(outbox, 50, "Letter");

            assertThat(done).isEqualTo(new Mailer.Delivered(120, 0, 0));
            assertThat(outbox.claims).as("three batches, then an empty claim").isEqualTo(4);
            assertThat(outbox.sent).hasSize(120);
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(120);
            assertThat(received[119].getSubject()).isEqualTo("检定到期提醒 Verification due: 电子台秤 YH2026-120");
            assertThat(received[119].getHeader("X-Jiliang-Letter")).containsExactly("120");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aMailThatCannotBeSentForAReasonOfItsOwnFailsAloneAndTheOthersGo() throws Exception {
        GreenMail smtp = mailServer();
        try {
            Outbox outbox = new Outbox(3);
            outbox.waiting.put(2L, new Mailer.Mail("not an address", "检定到期提醒", "…"));

            Mailer.Delivered done = mailerTo(smtp.getSmtp().getPort()).deliver(outbox, 50, "Letter");

            assertThat(done).isEqualTo(new Mailer.Delivered(2, 1, 0));
            assertThat(outbox.failed).containsOnlyKeys(2L);
            assertThat(outbox.failed.get(2L)).startsWith("AddressException");
            assertThat(outbox.sent).containsExactly(1L, 3L);
            assertThat(outbox.notTried).isEmpty();
            assertThat(smtp.getReceivedMessages()).hasSize(2);
        } finally {
            smtp.stop();
        }
    }
}
