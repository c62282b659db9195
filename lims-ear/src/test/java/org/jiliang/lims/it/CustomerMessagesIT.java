package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a certificate issued and a request decided reach the customer in the portal and, as the customer's
 * administrator chose, by e-mail (GreenMail listens on the shared server's SMTP port for the test). A kind switched
 * to "portal only" is not mailed; another customer reads none of it.
 */
class CustomerMessagesIT {

    private static final String OWNER_MAIL = "qa@huadong-food.example";

    @Test
    void newsReachesThePortalAndTheMailboxAsTheCustomerChose() throws Exception {
        int smtpPort = Integer.parseInt(System.getProperty("it.smtpPort", "25250"));
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        LimsApi customer = LimsApi.as("customer");
        try {
            assertThat(preference(customer.get("/api/v1/messages/preferences").text(), "CERTIFICATE_READY"))
                    .as("certificates come by e-mail unless the customer chose otherwise").isTrue();
            String first = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);

            JsonObject message = message(customer, first);
            assertThat(message.getString("kind")).isEqualTo("CERTIFICATE_READY");
            assertThat(message.getString("subject")).contains("证书 " + first + " 已出具", "Certificate " + first);
            assertThat(message.getString("body")).contains("YH2026-00731", "/verify/"
                    + VerificationSliceIT.token(first));
            MimeMessage mail = awaitMail(smtp, first);
            assertThat(mail.getContent().toString()).contains(first, "YH2026-00731", "My certificates");

            // whose is it: the owner's alone
            long id = message.getJsonNumber("id").longValue();
            LimsApi other = LimsApi.as("customer2");
            assertThat(other.get("/api/v1/messages/" + id).status()).isEqualTo(404);
            assertThat(other.get("/api/v1/messages?max=200").text()).doesNotContain(first);
            assertThat(LimsApi.anonymous().get("/api/v1/messages").status()).isEqualTo(401);
            assertThat(other.post("/api/v1/messages/preferences", "{\"kind\":\"RECALL\",\"byMail\":false}").status())
                    .as("only the customer's administrator chooses").isEqualTo(403);
            assertThat(LimsApi.as("clerk").get("/api/v1/messages/preferences").status()).isEqualTo(403);

            // the administrator wants certificates in the portal only; decisions on requests still by e-mail
            var chosen = customer.post("/api/v1/messages/preferences", "{\"kind\":\"CERTIFICATE_READY\",\"byMail\":false}");
            assertThat(chosen.status()).as(chosen.text()).isEqualTo(200);
            assertThat(preference(chosen.text(), "CERTIFICATE_READY")).isFalse();
            String second = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
            assertThat(message(customer, second).getString("mailState")).isEqualTo("NOT_WANTED");

            String request = ServiceRequestIT.book(customer, ServiceRequestIT.bookable("C0001", 1),
                    ItDay.TODAY.plusDays(2), "LAB", null).getString("number");
            var declined = LimsApi.as("clerk").post("/api/v1/requests/" + request + "/decline",
                    "{\"reason\":\"请改约下周 / next week please\"}");
            assertThat(declined.status()).as(declined.text()).isEqualTo(200);
            assertThat(awaitMail(smtp, request).getContent().toString()).contains("请改约下周");
            // the delivery that sent the decision ran after the second certificate was issued: it was not mailed
            assertThat(mailAbout(smtp, second)).isEmpty();
            assertThat(LoginThrottlingIT.auditOf("C0001")).contains("notice.preferenceChanged");
        } finally {
            customer.post("/api/v1/messages/preferences", "{\"kind\":\"CERTIFICATE_READY\",\"byMail\":true}");
            smtp.stop();
        }
    }

    private static boolean preference(String preferences, String kind) {
        return preferences.contains("{\"byMail\":true,\"kind\":\"" + kind + "\"}")
                || preferences.contains("{\"kind\":\"" + kind + "\",\"byMail\":true}");
    }

    /** The customer's message about a certificate or request, as the portal lists it. */
    private static JsonObject message(LimsApi customer, String about) {
        return customer.get("/api/v1/messages?max=200").object().getJsonArray("rows").getValuesAs(JsonObject.class)
                .stream().filter(m -> m.getString("about").equals(about)).findFirst()
                .orElseThrow(() -> new AssertionError("no message about " + about));
    }

    /** Waits (at most a minute: the delivery runs every 20 s) for the owner's e-mail whose subject names it. */
    private static MimeMessage awaitMail(GreenMail smtp, String about) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Optional<MimeMessage> mail = mailAbout(smtp, about);
            if (mail.isPresent()) {
                return mail.get();
            }
            smtp.waitForIncomingEmail(1_000, smtp.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no e-mail about " + about + " within 60 s");
    }

    private static Optional<MimeMessage> mailAbout(GreenMail smtp, String about) {
        List<MimeMessage> all = Arrays.asList(smtp.getReceivedMessages());
        return all.stream().filter(m -> Mails.to(m, OWNER_MAIL) && Mails.subject(m).contains(about)).findFirst();
    }
}
