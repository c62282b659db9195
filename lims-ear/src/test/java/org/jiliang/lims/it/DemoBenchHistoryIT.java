package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiliang.lims.it.Waits.awaitTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's "demo data fills every figure of the dashboard with something real": a demo started on an empty database
 * (a WildFly of the test's own, with the demo's bench history on, as the README's start command runs it) works its
 * first jobs at its simulated benches through the services — a market's scale verified free of charge, a lot of sugar
 * inspected — so that every target on the quality manager's dashboard counts something, and each count is work a
 * technician, a checker and an approver signed.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@OwnServer
class DemoBenchHistoryIT {

    private static final Path SERVER = Path.of(System.getProperty("it.serverDir", "target/server"));
    private static final String MARKETS = "集贸市场计量器具免费检定 Free verification of market scales";

    @TempDir
    Path work;

    @Test
    void theDemoWorksItsFirstJobsAtItsBenchesAndEveryTargetOfTheDashboardCountsThem() throws Exception {
        try (WildFlyProcess wildfly = WildFlyProcess.copyOf(SERVER, work.resolve("wildfly")).quickToStart()
                .portOffset(WildFlyProcess.freePortOffset())
                .demo(work.resolve("data"))
                .systemProperty("jiliang.demo.history", "true")
                .build()) {
            wildfly.start();
            String base = wildfly.baseUrl() + "/lims";
            LimsApi quality = LimsApi.as("quality").at(base);

            // the history works at the benches' pace (about thirty weighings): wait for its two documents
            AtomicReference<JsonObject> targets = new AtomicReference<>();
            awaitTrue(() -> {
                var reply = quality.get("/api/v1/figures/targets"); // this year, in the server's time zone
                assertThat(reply.status()).as(reply.text()).isEqualTo(200);
                targets.set(reply.object());
                Map<String, JsonObject> now = byCode(reply.object());
                return now.get("NET_CONTENT_PASS_RATE").containsKey("value")
                        && now.get("FREE_VERIFICATION").getJsonNumber("value").longValue() > 0;
            }, Duration.ofMinutes(5), () -> "the history's two documents counted; last: " + targets.get());
            int year = targets.get().getInt("year");
            Map<String, JsonObject> figures = byCode(targets.get());

            // every target has a figure, none is "not measured"
            assertThat(figures.keySet()).containsExactlyInAnyOrder("COVERAGE", "VERIFICATION_RATE",
                    "NET_CONTENT_PASS_RATE", "FREE_VERIFICATION", "INTEGRITY");
            for (JsonObject figure : figures.values()) {
                assertThat(figure.containsKey("value")).as(figure.toString()).isTrue();
                assertThat(figure.containsKey("unmeasured")).as(figure.toString()).isFalse();
            }
            JsonObject netContent = figures.get("NET_CONTENT_PASS_RATE");
            assertThat(netContent.getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo("100");
            assertThat(netContent.getInt("counted")).isEqualTo(1);
            assertThat(netContent.getInt("of")).isEqualTo(1);
            assertThat(figures.get("FREE_VERIFICATION").getInt("value")).isEqualTo(1);
            assertThat(figures.get("INTEGRITY").getInt("value")).isPositive();
            assertThat(figures.get("VERIFICATION_RATE").getInt("of")).isPositive();
            assertThat(figures.get("COVERAGE").getInt("of")).isPositive();

            // the free verification: the market's scale, under the markets' programme, at the price list's 60 yuan
            JsonObject free = quality.get("/api/v1/figures/free-verification?year=" + year).object();
            List<JsonObject> lines = free.getJsonArray("lines").getValuesAs(JsonObject.class);
            assertThat(lines).singleElement().satisfies(l -> {
                assertThat(l.getString("programme")).isEqualTo(MARKETS);
                assertThat(l.getInt("jobs")).isEqualTo(1);
                assertThat(l.getJsonNumber("waived").bigDecimalValue()).isEqualByComparingTo("60.00");
            });

            // the two documents, each signed by the technician, the checker and the approver of the demo
            List<JsonObject> jobs = LimsApi.as("approver").at(base).get("/api/v1/jobs").array()
                    .getValuesAs(JsonObject.class).stream()
                    .filter(j -> "CERTIFICATE_ISSUED".equals(j.getString("state"))).toList();
            assertThat(jobs).hasSize(2);
            for (JsonObject job : jobs) {
                // the demo's technician, checker and approver, by name
                assertThat(job.getString("technician")).isEqualTo("张伟");
                assertThat(job.getString("checker")).isEqualTo("李娜");
                assertThat(job.getString("approver")).isEqualTo("王强");
            }
            assertThat(jobs).anySatisfy(j -> {
                assertThat(j.getJsonObject("instrument").getString("serialNumber")).isEqualTo("HD-20261201");
                assertThat(j.getBoolean("passed")).as("the lot passed").isTrue();
            });
            assertThat(jobs).anySatisfy(j -> {
                assertThat(j.getJsonObject("fee").getBoolean("waived")).isTrue();
                assertThat(j.getJsonObject("fee").getString("programme")).isEqualTo(MARKETS);
                assertThat(j.getBoolean("passed")).isTrue();
            });

            // every weighing of the lot is a frame the comparator sent: twenty captures, each with its raw bytes
            JsonObject lot = jobs.stream().filter(j -> "HD-20261201".equals(j.getJsonObject("instrument")
                    .getString("serialNumber"))).findFirst().orElseThrow();
            assertThat(lot.getJsonArray("points").getValuesAs(JsonObject.class)).hasSize(20)
                    .allSatisfy(p -> {
                        assertThat(p.getInt("readingsTaken")).isEqualTo(1);
                        assertThat(p.getString("rawHex")).isNotBlank();
                    });

            // and the pans are left empty for whoever opens the benches next
            LimsApi technician = LimsApi.as("technician").at(base);
            for (String bench : new String[] {"BAL-01", "CMP-01"}) {
                JsonObject latest = technician.get("/api/v1/benches/" + bench + "/latest").object();
                assertThat(latest.getJsonNumber("value").bigDecimalValue()).as(bench).isEqualByComparingTo("0");
            }
        }
    }

    private static Map<String, JsonObject> byCode(JsonObject targets) {
        return targets.getJsonArray("figures").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(f -> f.getJsonObject("target").getString("code"), Function.identity()));
    }
}
