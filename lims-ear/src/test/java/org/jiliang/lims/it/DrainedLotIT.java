package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, a lot declared by drained mass (OIML R 87 Annex C): each package is weighed on a sieve weighed empty before
 * the product is poured on it, and drains there for the rule's two minutes; the draining time is typed at the weighing.
 * As at a real bench, the five sieves are weighed first and the five products drain together. Refused, nothing stored:
 * a product before its sieve, a draining time shorter than the rule's, and one longer than has passed since its sieve
 * was weighed (a time typed, not taken). The report says how the content was found.
 *
 * <p>On a demo server of its own, in the second lane: the two minutes of draining are real (the server's clock runs
 * as a bench's does), and the shared server's lane, the longer one, would wait them out.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@OwnServer
class DrainedLotIT {

    /** What the rule asks (120 s), and a little more, as typed at each weighing. */
    private static final Duration DRAINED = Duration.ofSeconds(125);

    @TempDir
    Path work;

    @Test
    void sievesWeighedEmptyThenProductsDrainedTogetherThenEachWeighedOnItsSieveWithItsDrainingTime() throws Exception {
        try (OwnDemoServer server = OwnDemoServer.start(work, WildFlyProcess.Builder::quickToStart)) {
            LotBench lots = new LotBench(server.base());
            // 400 g of mushrooms in brine, declared by drained mass, N = 5; the trader is customer2's organisation
            String lotNumber = "LOT-" + UUID.randomUUID().toString().substring(0, 8);
            long job = lots.atTheBalance(lots.register(LotBench.lot(lotNumber, "C0002", "400 g", "5",
                    "沥干物：逐件称筛 drained mass, each on a weighed sieve").replace("白砂糖 White sugar",
                    "盐水蘑菇罐头 Mushrooms in brine")));
            LimsApi technician = lots.as("technician");
            JsonObject view = technician.get("/api/v1/jobs/" + job).object();
            assertThat(view.getJsonArray("points")).as("5 packages, each after its sieve").hasSize(10);
            assertThat(view.getJsonArray("points").getJsonObject(0).getString("label")).contains("筛", "20 cm");

            // the product before its sieve (with its draining time, or before typing it: the sieve is what to do first)
            lots.place("582.5");
            for (String body : new String[] {"{\"entries\":{\"drain.time\":\"2 min\"}}", "{}"}) {
                var early = technician.post("/api/v1/jobs/" + job + "/points/2/capture", body);
                assertThat(early.status()).isEqualTo(409);
                assertThat(early.text()).as(body).contains("筛须在产品沥干之前空称");
            }

            // the five sieves, empty; then the products are poured on them and drain together
            String[] sieves = {"180.2", "180.4", "180.1", "180.3", "180.2"};
            for (int i = 0; i < sieves.length; i++) {
                lots.capture(job, 2 * i + 1, sieves[i]);
            }
            Instant poured = Instant.now();

            // at once: a product drained 90 s is too short for the rule; 2 min cannot have passed since its sieve
            lots.place("582.5");
            var hasty = technician.post("/api/v1/jobs/" + job + "/points/2/capture",
                    "{\"entries\":{\"drain.time\":\"90 s\"}}");
            assertThat(hasty.status()).isEqualTo(409);
            assertThat(hasty.text()).contains("90 s", "120 s");
            var untrue = technician.post("/api/v1/jobs/" + job + "/points/2/capture",
                    "{\"entries\":{\"drain.time\":\"2 min\"}}");
            assertThat(untrue.status()).isEqualTo(409);
            assertThat(untrue.text()).contains("沥干时间 2 min 长于", "空称至今", "请填写产品在筛上实际沥干的时间");
            assertThat(lots.readings(job, 2)).isZero();

            // the products drain on their sieves (the last sieve was weighed before `poured`)
            Waits.awaitTrue(() -> !Instant.now().isBefore(poured.plus(DRAINED)), DRAINED.plusSeconds(30),
                    () -> "the products' draining time");
            String[] loaded = {"582.5", "581.9", "583.0", "580.8", "582.2"};
            for (int i = 0; i < loaded.length; i++) {
                lots.place(loaded[i]);
                var reply = technician.post("/api/v1/jobs/" + job + "/points/" + (2 * i + 2) + "/capture",
                        "{\"entries\":{\"drain.time\":\"" + DRAINED.toSeconds() + " s\"}}");
                assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            }
            JsonObject done = technician.get("/api/v1/jobs/" + job).object();
            assertThat(done.getString("conclusion")).contains("合格").doesNotContain("不合格");
            String[] issued = lots.issuedToTheTrader(job);
            String number = issued[0];
            // 582.5 − 180.2 = 402.3 g drained
            assertThat(issued[1]).contains(number, "盐水蘑菇罐头", "402.3", "180.2", "OIML R 87 Annex C", "20 cm",
                    "120 s", "筛与沥干产品", "Sieve and drained product", "沥干时间 " + DRAINED.toSeconds() + " s",
                    "draining time " + DRAINED.toSeconds() + " s").doesNotContain("毛重");
            assertThat(lots.as("customer").get("/api/v1/certificates/" + number + "/pdf").status()).isEqualTo(404);
            assertThat(LimsApi.anonymous().at(server.base()).get("/api/v1/certificates/" + number + "/pdf").status())
                    .isIn(401, 404);
        }
    }
}
