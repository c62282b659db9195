package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Issue 14: an approver re-issues, in one signed run, every certificate in force of an owner whose name changed; the
 * batch job makes one signed revision of each, with the new name; the page shows the run's progress. Who may; a later
 * edition re-issues the revisions; one run at a time, two started at the same moment included.
 */
@ExtendWith(BrowserSession.class)
class CertificateReissueIT {

    private Browser browser;

    @Test
    void anOwnersCertificatesAreReissuedInOneSignedRunWithTheirNewName() throws Exception {
        String owner = "RI-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        LimsApi clerk = LimsApi.as("clerk");
        assertThat(clerk.post("/api/v1/registry/customers", customer(owner, "旧名称农贸市场")).status()).isEqualTo(200);
        List<String> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            var scale = clerk.post("/api/v1/registry/instruments", "{\"customerCode\":\"" + owner + "\",\"description\":"
                    + "\"电子计价秤\",\"manufacturer\":\"凯丰衡器\",\"model\":\"ACS-30\",\"serialNumber\":\"" + owner + "-" + i
                    + "\",\"mandatoryVerification\":true,\"intervalMonths\":12,\"scale\":{\"accuracyClass\":\"III\","
                    + "\"max\":\"30 kg\",\"e\":\"10 g\",\"d\":\"10 g\"}}");
            assertThat(scale.status()).as(scale.text()).isEqualTo(200);
            numbers.add(BenchFlow.verifiedAndApproved(scale.object().getJsonNumber("id").longValue(), BigDecimal.ZERO));
        }
        // the owner's new name: the register is corrected, then every certificate in force re-issued at once
        assertThat(clerk.put("/api/v1/registry/customers/" + owner, customer(owner, "新名称农贸市场有限公司")).status())
                .isEqualTo(200);
        LimsApi approver = LimsApi.as("approver");
        String body = "{\"reason\":\"委托单位更名 / owner renamed\",\"from\":\"" + ItDay.TODAY.minusDays(1)
                + "\",\"until\":\"" + ItDay.TODAY.plusDays(1) + "\",\"customer\":\"" + owner
                + "\",\"password\":\"jiliang\"}";
        for (String user : new String[] {"technician", "checker", "quality", "clerk", "customer"}) {
            assertThat(LimsApi.as(user).post("/api/v1/certificate-reissues", body).status()).as(user).isEqualTo(403);
        }
        assertThat(LimsApi.anonymous().post("/api/v1/certificate-reissues", body).status()).isEqualTo(401);
        assertThat(approver.post("/api/v1/certificate-reissues", body.replace("\"jiliang\"", "\"wrong\"")).status())
                .as("signed with the password").isEqualTo(409);
        var started = approver.post("/api/v1/certificate-reissues", body);
        assertThat(started.status()).as(started.text()).isEqualTo(200);
        long run = started.object().getJsonNumber("id").longValue();
        assertThat(started.object().getInt("selected")).isEqualTo(2);

        JsonObject done = awaitDone(run);
        assertThat(done.getInt("reissued")).isEqualTo(2);
        assertThat(done.getInt("failed")).isZero();
        LimsApi customer = LimsApi.as("customer");
        for (String number : numbers) {
            JsonObject original = approver.get("/api/v1/certificates/" + number).object();
            assertThat(original.getString("standing")).isEqualTo("SUPERSEDED");
            String revision = original.getString("supersededBy");
            assertThat(revision).isEqualTo(number + "-R1");
            byte[] pdf = approver.get("/api/v1/certificates/" + revision + "/pdf").body();
            assertThat(PdfDocuments.text(pdf)).contains("新名称农贸市场有限公司").doesNotContain("旧名称农贸市场");
            assertThat(PdfDocuments.pdfsig(pdf)).contains("Signature Validation: Signature is Valid.");
            assertThat(approver.get("/api/v1/certificates/" + revision).object().getString("revisionReason"))
                    .isEqualTo("委托单位更名 / owner renamed");
            // another owner's customer sees none of it
            assertThat(customer.get("/api/v1/certificates/" + revision).status()).isEqualTo(404);
        }
        assertThat(LimsApi.as("quality").get("/api/v1/certificate-reissues/" + run).status()).isEqualTo(200);
        assertThat(LimsApi.as("customer").get("/api/v1/certificate-reissues/" + run).status()).isEqualTo(403);
        assertThat(LimsApi.anonymous().get("/api/v1/certificate-reissues").status()).isEqualTo(401);

        browser.openAs("approver", "/reissue.xhtml");
        browser.waitUntil(d -> !d.findElements(By.cssSelector("tr.reissue-row")).isEmpty());
        String row = browser.driver().findElements(By.cssSelector("tr.reissue-row")).stream()
                .map(r -> r.getText()).filter(t -> t.contains(owner)).findFirst().orElseThrow();
        assertThat(row).contains("2 / 2", "已完成", "委托单位更名");

        // a second run later (a new edition of the template): the revisions now in force are re-issued in turn
        var again = approver.post("/api/v1/certificate-reissues",
                body.replace("委托单位更名 / owner renamed", "新版证书模板 / new template edition"));
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.object().getInt("selected")).isEqualTo(2);
        JsonObject second = awaitDone(again.object().getJsonNumber("id").longValue());
        assertThat(second.getInt("reissued")).isEqualTo(2);
        for (String number : numbers) {
            JsonObject first = approver.get("/api/v1/certificates/" + number + "-R1").object();
            assertThat(first.getString("standing")).isEqualTo("SUPERSEDED");
            assertThat(first.getString("supersededBy")).isEqualTo(number + "-R2");
            assertThat(approver.get("/api/v1/certificates/" + number + "-R2").object().getString("revisionReason"))
                    .isEqualTo("新版证书模板 / new template edition");
        }
    }

    @Test
    void aRunIsRefusedWhileAnotherIsNotFinished() throws Exception {
        // a run not finished, as one stopped half-way and waiting to be resumed is (written in the database: a real
        // run of this server finishes in seconds)
        long unfinished;
        try (Connection db = ServerDatabase.connect();
                PreparedStatement st = db.prepareStatement("insert into reissue_run (reason, requested_by,"
                        + " requested_at, issued_from, issued_until, selected, state, signed_sha256) values"
                        + " ('IT: a run not finished', 'approver', current_timestamp, date '2000-01-03',"
                        + " date '2000-01-03', 1, 'RUNNING', 'it')", new String[] {"id"})) {
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                unfinished = keys.getLong(1);
            }
        }
        try {
            var refused = LimsApi.as("approver").post("/api/v1/certificate-reissues", "{\"reason\":\"新版证书模板 /"
                    + " new template edition\",\"from\":\"" + ItDay.TODAY.minusDays(1) + "\",\"until\":\""
                    + ItDay.TODAY + "\",\"password\":\"jiliang\"}");
            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.object().getString("error")).isEqualTo("error.reissue.running");
            assertThat(refused.object().getString("detail")).contains("重新出具批次 " + unfinished, "approver", "尚未完成");
        } finally {
            try (Connection db = ServerDatabase.connect();
                    PreparedStatement st = db.prepareStatement("delete from reissue_run where id = ?")) {
                st.setLong(1, unfinished);
                st.executeUpdate();
            }
        }
    }

    @Test
    void twoRunsStartedAtTheSameMomentNeverRunTogether() throws Exception {
        String owner = "RJ-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        LimsApi clerk = LimsApi.as("clerk");
        assertThat(clerk.post("/api/v1/registry/customers", customer(owner, "同时农贸市场")).status()).isEqualTo(200);
        var scale = clerk.post("/api/v1/registry/instruments", Registrations.scale(owner, owner));
        assertThat(scale.status()).as(scale.text()).isEqualTo(200);
        BenchFlow.verifiedAndApproved(scale.object().getJsonNumber("id").longValue(), BigDecimal.ZERO);
        String body = "{\"reason\":\"新版证书模板 / new template edition\",\"from\":\"" + ItDay.TODAY.minusDays(1)
                + "\",\"until\":\"" + ItDay.TODAY.plusDays(1) + "\",\"customer\":\"" + owner
                + "\",\"password\":\"" + Accounts.OWN + "\"}";

        // two approvers (two accounts: one account's signatures wait for each other on its row), at the same moment
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<LimsApi.Reply> answers;
        try {
            List<java.util.concurrent.Callable<LimsApi.Reply>> starts = new java.util.ArrayList<>();
            for (String approver : List.of(Accounts.staff("it-ri", "approver"), Accounts.staff("it-ri", "approver"))) {
                var granted = LimsApi.as("admin").post("/api/v1/admin/accounts/" + approver + "/authorizations",
                        "{\"procedureCode\":\"JJG 539-2016\",\"activity\":\"APPROVE\",\"certificateNumber\":\"JJ-批-"
                        + approver + "\",\"validFrom\":\"" + ItDay.TODAY.minusDays(1) + "\",\"validUntil\":\""
                        + ItDay.TODAY.plusYears(1) + "\"}");
                assertThat(granted.status()).as(granted.text()).isEqualTo(200);
                LimsApi api = LimsApi.as(approver, Accounts.OWN);
                starts.add(() -> {
                    together.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    return api.post("/api/v1/certificate-reissues", body);
                });
            }
            answers = new java.util.ArrayList<>();
            for (var answer : two.invokeAll(starts, 2, java.util.concurrent.TimeUnit.MINUTES)) {
                answers.add(answer.get());
            }
        } finally {
            two.shutdownNow();
        }

        // what started is left done (a run left unfinished would refuse the next test's), then the answers judged
        List<Long> runs = answers.stream().filter(a -> a.status() == 200)
                .map(a -> a.object().getJsonNumber("id").longValue()).toList();
        Map<Long, JsonObject> done = new java.util.HashMap<>();
        for (long run : runs) {
            done.put(run, awaitDone(run));
        }
        for (LimsApi.Reply answer : answers) {
            if (answer.status() != 200) {
                assertThat(answer.status()).as(answer.text()).isEqualTo(409);
                assertThat(answer.object().getString("error")).isEqualTo("error.reissue.running");
            }
        }
        assertThat(runs).as("one of them starts a run").isNotEmpty();
        if (runs.size() == 2) {
            // both may start only if the first was already done when the second was asked for: never two at once
            try (Connection db = ServerDatabase.connect(); PreparedStatement st = db.prepareStatement("select"
                    + " requested_at, finished_at from reissue_run where id in (?, ?) order by requested_at, id")) {
                st.setLong(1, runs.get(0));
                st.setLong(2, runs.get(1));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    java.sql.Timestamp firstFinished = rs.getTimestamp(2);
                    rs.next();
                    assertThat(rs.getTimestamp(1)).as("the second run asked for after the first finished")
                            .isAfterOrEqualTo(firstFinished);
                }
            }
        }
        done.forEach((run, view) -> assertThat(view.getInt("reissued")).as("run %d: the owner's one certificate", run)
                .isEqualTo(1));
    }

    private static String customer(String code, String name) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"address\":\"江海市更名路 2 号\","
                + "\"district\":\"北湖区\"}";
    }

    private static JsonObject awaitDone(long run) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            last = LimsApi.as("approver").get("/api/v1/certificate-reissues/" + run).object();
            if ("DONE".equals(last.getString("state"))) {
                return last;
            }
            if (last.containsKey("job") && "FAILED".equals(last.getString("job"))) {
                throw new AssertionError("The job of re-issue run " + run + " failed: " + last);
            }
            BenchFlow.sleep(200);
        }
        throw new AssertionError("Re-issue run " + run + " not done within 2 minutes: " + last);
    }
}
