package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's time travel: a WildFly of the test's own, restarted with its demo clock moved
 * ({@code jiliang.clock.start}) instead of waiting, and GreenMail as its SMTP server. An instrument verified
 * 2026-03-01 on 12 months is due 2027-03-01: nothing the day before the 30-day window, the advance notice on its
 * first day (2027-01-30), the due-date notice on 2027-03-01, on the overdue list and the overdue notice from
 * 2027-03-02; each exactly once per owner although the run is repeated and the server restarted between runs; the
 * daily timer is persistent and survives the restarts as one timer. On the same days, the assessment certificates of
 * two standards reach their re-examination date (six months before the end, JJF 1033) and their end.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
@OwnServer
class RecallTimeTravelIT {

    private static final Path SERVER = Path.of(System.getProperty("it.serverDir", "target/server"));
    private static final String OWNER_MAIL = "office@recall-owner.example";

    @TempDir
    Path work;

    @Test
    void eachNoticeArrivesOnceOnItsDayThroughRepeatedRunsAndRestarts() throws Exception {
        int smtpPort = LoopbackPorts.free();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (WildFlyProcess wildfly = WildFlyProcess.copyOf(SERVER, work.resolve("wildfly")).quickToStart()
                .portOffset(WildFlyProcess.freePortOffset())
                .demo(work.resolve("data"))
                .systemProperty("jiliang.smtp.port", Integer.toString(smtpPort))
                .systemProperty("jiliang.clock.start", "2027-01-29T08:00:00+08:00")
                .build()) {
            wildfly.start();
            String base = wildfly.baseUrl() + "/lims";
            LimsApi clerk = LimsApi.as("clerk").at(base);
            String owner = "RT-01";
            assertThat(clerk.post("/api/v1/registry/customers", "{\"code\":\"" + owner + "\",\"name\":\"回溯农贸市场\","
                    + "\"address\":\"江海市时光路 1 号\",\"contactEmail\":\"" + OWNER_MAIL + "\",\"district\":\"北湖区\"}")
                    .status()).isEqualTo(200);
            var scale = clerk.post("/api/v1/registry/instruments", "{\"customerCode\":\"" + owner + "\",\"description\":"
                    + "\"电子计价秤\",\"manufacturer\":\"凯丰衡器\",\"model\":\"ACS-30\",\"serialNumber\":\"RT-0001\","
                    + "\"mandatoryVerification\":true,\"intervalMonths\":12,\"scale\":{\"accuracyClass\":\"III\","
                    + "\"max\":\"30 kg\",\"e\":\"10 g\",\"d\":\"10 g\"},\"entry\":{\"legalCategory\":\"NAWI\","
                    + "\"assetNumber\":\"摊位-12\",\"lastVerifiedOn\":\"2026-03-01\",\"lastCertificate\":\"P-2026-1\"}}");
            assertThat(scale.status()).as(scale.text()).isEqualTo(200);
            assertThat(scale.object().getString("nextDueDate")).isEqualTo("2027-03-01");

            // two standards' assessment certificates (JJF 1033: apply for re-examination six months before the end):
            // one ending 2027-07-30 (the application due from 2027-01-30), one ending 2027-03-01 (expired from 03-02)
            LimsApi quality = LimsApi.as("quality").at(base);
            for (String[] s : new String[][] {{"STD-TT-A", "2027-07-30"}, {"STD-TT-B", "2027-03-01"}}) {
                assertThat(quality.post("/api/v1/standards", "{\"code\":\"" + s[0] + "\",\"name\":\"F1 砝码组\","
                        + "\"accuracy\":\"F1\",\"serialNumber\":\"" + s[0] + "\",\"certificateNumber\":\"UP-1\","
                        + "\"traceableTo\":\"国家质量基准\",\"calibratedOn\":\"2026-12-01\",\"dueDate\":\"2027-11-30\"}")
                        .status()).isEqualTo(200);
                var recorded = quality.put("/api/v1/standards/" + s[0] + "/assessment", "{\"certificate\":\"[2023]江计标证字第 "
                        + s[0] + " 号\",\"scope\":\"砝码 F1\",\"validUntil\":\"" + s[1] + "\"}");
                assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
            }
            assertThat(assessment(quality, "STD-TT-A")).isEqualTo("VALID");
            assertThat(assessment(quality, "STD-TT-B")).isEqualTo("REEXAMINATION_DUE");

            // 2027-01-29: the day before the window
            JsonObject run = run(clerk);
            assertThat(run.getString("day")).isEqualTo("2027-01-29");
            assertThat(toOwner(smtp)).isEmpty();

            // 2027-01-30: the first day of the 30-day window; run twice, then restart and run again
            restart(wildfly, "2027-01-30T08:00:00+08:00");
            clerk = LimsApi.as("clerk").at(base);
            JsonObject timer = clerk.get("/api/v1/recall/timer").object();
            assertThat(timer.getBoolean("persistent")).isTrue();
            assertThat(timer.getInt("timers")).as("kept, not created again at the restart").isEqualTo(1);
            assertThat(run(clerk).getInt("advance")).isPositive();
            run(clerk);
            restart(wildfly, "2027-01-30T09:00:00+08:00");
            clerk = LimsApi.as("clerk").at(base);
            assertThat(run(clerk).getInt("advance")).as("nothing is given twice").isZero();
            assertThat(clerk.get("/api/v1/recall/timer").object().getInt("timers")).isEqualTo(1);
            quality = LimsApi.as("quality").at(base);
            assertThat(assessment(quality, "STD-TT-A")).as("six months before 2027-07-30").isEqualTo("REEXAMINATION_DUE");
            assertThat(quality.get("/api/v1/standards/overview?flag=ASSESSMENT_EXPIRING").object().getJsonArray("rows")
                    .stream().map(r -> ((JsonObject) r).getString("code"))).contains("STD-TT-A", "STD-TT-B");
            List<MimeMessage> mails = toOwner(smtp);
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).getSubject()).contains("回溯农贸市场", "即将到期", "due for verification soon");
            assertThat(text(mails.get(0))).contains("RT-0001", "摊位-12", "2027-03-01", "2027-01-30");

            // whose is it: the demo customer reads its own letters only; nobody logged in reads nothing
            LimsApi customer = LimsApi.as("customer").at(base);
            var letters = clerk.get("/api/v1/recall/letters").object().getJsonArray("rows");
            long ownerLetter = letters.stream().map(JsonObject.class::cast)
                    .filter(l -> l.getString("ownerCode").equals(owner)).findFirst().orElseThrow()
                    .getJsonNumber("id").longValue();
            assertThat(customer.get("/api/v1/recall/letters/" + ownerLetter).status()).isEqualTo(404);
            assertThat(customer.get("/api/v1/recall/letters").object().getJsonArray("rows"))
                    .allSatisfy(l -> assertThat(((JsonObject) l).getString("ownerCode")).isEqualTo("C0001"));
            assertThat(LimsApi.anonymous().at(base).get("/api/v1/recall/letters").status()).isEqualTo(401);
            assertThat(customer.post("/api/v1/recall/run", "{}").status()).isEqualTo(403);
            JsonObject letter = clerk.get("/api/v1/recall/letters/" + ownerLetter).object();
            assertThat(letter.getString("mailState")).isEqualTo("SENT");
            assertThat(letter.getJsonArray("lines").getJsonObject(0).getString("serialNumber")).isEqualTo("RT-0001");
            var pdf = clerk.get("/api/v1/recall/letters/" + ownerLetter + "/pdf");
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(PdfDocuments.text(pdf.body())).contains("计量器具检定到期提醒", "回溯农贸市场", "RT-0001", "摊位-12",
                    "2027-03-01");
            assertThat(customer.get("/api/v1/recall/letters/" + ownerLetter + "/pdf").status()).isEqualTo(404);

            // 2027-03-01: the due date
            restart(wildfly, "2027-03-01T08:00:00+08:00");
            clerk = LimsApi.as("clerk").at(base);
            assertThat(run(clerk).getInt("due")).isPositive();
            run(clerk);
            assertThat(toOwner(smtp)).hasSize(2);
            assertThat(toOwner(smtp).get(1).getSubject()).contains("今日检定到期");
            assertThat(dueList(clerk, "WITHIN_30", owner)).isEqualTo(1);
            assertThat(dueList(clerk, "OVERDUE", owner)).isZero();
            assertThat(assessment(LimsApi.as("quality").at(base), "STD-TT-B")).as("valid on its last day")
                    .isEqualTo("REEXAMINATION_DUE");

            // 2027-03-02: overdue
            restart(wildfly, "2027-03-02T08:00:00+08:00");
            clerk = LimsApi.as("clerk").at(base);
            assertThat(run(clerk).getInt("overdue")).isPositive();
            run(clerk);
            assertThat(toOwner(smtp)).hasSize(3);
            assertThat(toOwner(smtp).get(2).getSubject()).contains("已超过检定周期");
            assertThat(dueList(clerk, "OVERDUE", owner)).isEqualTo(1);
            assertThat(assessment(LimsApi.as("quality").at(base), "STD-TT-B")).isEqualTo("EXPIRED");
            JsonObject audit = LimsApi.as("quality").at(base).get("/api/v1/audit?count=1000").array().stream()
                    .map(JsonObject.class::cast).filter(e -> e.getString("action").equals("recall.run"))
                    .filter(e -> e.getString("recordId").equals("2027-03-02")).findFirst().orElseThrow();
            assertThat(audit.getString("newValue")).contains("overdue");
        } finally {
            smtp.stop();
        }
    }

    private static JsonObject run(LimsApi clerk) {
        var reply = clerk.post("/api/v1/recall/run", "{}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object();
    }

    /** The state of a standard's assessment certificate on the server's day. */
    private static String assessment(LimsApi quality, String code) {
        return quality.get("/api/v1/standards").array().stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("code").equals(code)).findFirst().orElseThrow().getString("assessment");
    }

    private static int dueList(LimsApi clerk, String window, String owner) {
        return clerk.get("/api/v1/due?window=" + window + "&owner=" + owner).object().getInt("total");
    }

    private static void restart(WildFlyProcess wildfly, String clock) throws IOException, InterruptedException {
        wildfly.stop();
        wildfly.systemProperty("jiliang.clock.start", clock);
        wildfly.start();
    }

    private static List<MimeMessage> toOwner(GreenMail smtp) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(OWNER_MAIL));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String text(MimeMessage message) throws IOException, MessagingException {
        return message.getContent().toString();
    }
}
