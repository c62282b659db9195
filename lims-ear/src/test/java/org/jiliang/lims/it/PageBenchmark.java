package org.jiliang.lims.it;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Page timings of issue 11 (docs/benchmarks.md §7), against the running demo server ({@code benchmarks/run pages}):
 * <ul>
 * <li>the bench: the server's time per capture (a complete scale verification of 41 readings through the API the
 *     bench page calls, load placed and stable before the timer starts), against a bare read of the same job view
 *     ({@code GET /api/v1/jobs/{id}}, the answer a capture also returns) right after each capture;</li>
 * <li>the public check: the bytes a phone receives for {@code /verify/<token>} (page, style sheet and script) and
 *     the time to the complete page, against the bare static style sheet from the same server.</li>
 * </ul>
 * Times are loopback round trips of one client, so they are the server's time plus a few hundred microseconds.
 * Not a test: it prints figures.
 */
public final class PageBenchmark {

    private PageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = 3;
        for (String a : args) {
            if (a.startsWith("jobs=")) {
                jobs = Integer.parseInt(a.substring(5));
            }
        }
        LimsApi technician = LimsApi.as("technician");
        List<Long> captures = new ArrayList<>();
        List<Long> reads = new ArrayList<>();
        String number = null;
        for (int j = 0; j < jobs; j++) {
            long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);
            BenchFlow.readyToCapture(technician, job);
            for (var value : technician.get("/api/v1/jobs/" + job).object().getJsonArray("points")) {
                JsonObject point = (JsonObject) value;
                boolean discrimination = "DISCRIMINATION".equals(point.getString("test"));
                for (int reading = 1; reading <= point.getInt("readingsNeeded"); reading++) {
                    BigDecimal grams = BenchFlow.grams(point.getString("load"));
                    if (discrimination && reading == 2) {
                        grams = grams.add(BenchFlow.grams(point.getString("extraLoad")));
                    }
                    BenchFlow.place(technician, grams, BigDecimal.ZERO);
                    String body = "{\"additionalLoad\":" + (discrimination ? "0" : BenchFlow.HALF_E_GRAMS) + "}";
                    long t0 = System.nanoTime();
                    var reply = technician.post("/api/v1/jobs/" + job + "/points/" + point.getInt("ordinal")
                            + "/capture", body);
                    captures.add(System.nanoTime() - t0);
                    if (reply.status() != 200) {
                        throw new IllegalStateException("Capture refused: " + reply.text());
                    }
                    t0 = System.nanoTime();
                    var read = technician.get("/api/v1/jobs/" + job);
                    reads.add(System.nanoTime() - t0);
                    if (read.status() != 200) {
                        throw new IllegalStateException("Read refused: " + read.text());
                    }
                }
            }
            if (j == jobs - 1) {
                if (technician.post("/api/v1/jobs/" + job + "/submit", "{\"password\":\"jiliang\"}").status() != 200) {
                    throw new IllegalStateException("Submit refused");
                }
                BenchFlow.checked(job);
                number = LimsApi.as("approver").post("/api/v1/jobs/" + job + "/approve", "{\"password\":\"jiliang\"}")
                        .object().getString("number");
            }
        }
        System.out.printf("bench: %d captures over %d jobs%n", captures.size(), jobs);
        print("capture (POST …/capture)", captures);
        print("bare read of the job view (GET /api/v1/jobs/{id})", reads);
        System.out.printf("RESULT capture p95 %.1f ms, %.2f × the bare read's p95%n", p(captures, 95) / 1e6,
                (double) p(captures, 95) / p(reads, 95));

        String token = VerificationSliceIT.token(number);
        List<Long> pages = new ArrayList<>();
        List<Long> styles = new ArrayList<>();
        int pageBytes = 0;
        int assetBytes = 0;
        // the public check allows 20 requests at once per client address: 10 addresses, 15 requests each
        for (int a = 0; a < 10; a++) {
            FromAddress client = new FromAddress("127.0.0." + (20 + a));
            for (int i = 0; i < 15; i++) {
                long t0 = System.nanoTime();
                var page = client.get("/verify/" + token, null, null);
                pages.add(System.nanoTime() - t0);
                if (page.status() != 200 || !page.body().contains("verify-genuine")) {
                    throw new IllegalStateException("Public check answered " + page.status());
                }
                pageBytes = bytes(page.body());
                t0 = System.nanoTime();
                var css = client.get("/public/check/check.css", null, null);
                styles.add(System.nanoTime() - t0);
                assetBytes = bytes(css.body()) + bytes(client.get("/public/check/check.js", null, null).body());
            }
        }
        System.out.printf("public check: page %d bytes, style sheet and script %d bytes, %d bytes in all"
                + " (uncompressed; headers not counted)%n", pageBytes, assetBytes, pageBytes + assetBytes);
        print("public check page (GET /verify/<token>)", pages);
        print("bare static style sheet (GET /public/check/check.css)", styles);
        System.out.printf("RESULT public check %d bytes; page p95 %.1f ms, %.2f × the static file's p95%n",
                pageBytes + assetBytes, p(pages, 95) / 1e6, (double) p(pages, 95) / p(styles, 95));
    }

    private static int bytes(String body) {
        return body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static void print(String what, List<Long> nanos) {
        System.out.printf("  %-55s n = %4d  p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms%n", what, nanos.size(),
                p(nanos, 50) / 1e6, p(nanos, 95) / 1e6, Collections.max(nanos) / 1e6);
    }

    private static long p(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
