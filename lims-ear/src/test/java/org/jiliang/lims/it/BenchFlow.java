package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Steps of a verification at the bench, over the API, shared by the integration tests. */
final class BenchFlow {

    static final String DEVICE = "BAL-01";
    /** Demo data: the scale of 华东食品有限公司 (class III, Max 30 kg, e = 10 g). */
    static final long FOOD_COMPANY_SCALE = 1;
    static final String[] TEST_LOADS_KG = {"0", "5", "20", "30"};

    private BenchFlow() {
    }

    static long openJob(LimsApi technician, long instrumentId) {
        var reply = technician.post("/api/v1/jobs", "{\"instrumentId\":" + instrumentId
                + ",\"verificationType\":\"SUBSEQUENT\",\"benchDevice\":\"" + DEVICE + "\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object().getJsonNumber("id").longValue();
    }

    /** Waits until the server's live reading is stable at the given value (kg), as a technician watches the display. */
    static JsonObject awaitStableReading(LimsApi user, BigDecimal kilograms) {
        return awaitStableReading(user, DEVICE, kilograms);
    }

    /** Waits until a bench device's live reading is stable at the given value, in the device's unit. */
    static JsonObject awaitStableReading(LimsApi user, String device, BigDecimal value) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String last = "none";
        while (Instant.now().isBefore(deadline)) {
            var reply = user.get("/api/v1/benches/" + device + "/latest");
            if (reply.status() == 200) {
                JsonObject r = reply.object();
                last = r.toString();
                if ("STABLE".equals(r.getString("status")) && !r.isNull("value")
                        && r.getJsonNumber("value").bigDecimalValue().compareTo(value) == 0) {
                    return r;
                }
            }
            sleep(100);
        }
        throw new AssertionError("No stable reading of " + value + " on " + device + " within 15 s; last: " + last);
    }

    /**
     * Works through the job's whole test plan like a technician: for each reading of each point,
     * puts the load on the pan (plus the extra load for the second discrimination reading), waits
     * until the display is stable at load + bias (the simulated scale's error), and captures with
     * ΔL = e/2 — the small weights at which a perfect scale's indication changes over.
     * Returns the job after the last capture.
     */
    static JsonObject captureAllPoints(LimsApi technician, long jobId, BigDecimal biasKg) {
        return captureAllPoints(technician, jobId, grams -> place(technician, grams, biasKg));
    }

    /**
     * The same on any scale of e = 10 g: {@code putOnPan} puts a load (grams) on its pan and returns once the
     * server shows the stable reading of it.
     */
    static JsonObject captureAllPoints(LimsApi technician, long jobId, java.util.function.Consumer<BigDecimal> putOnPan) {
        JsonObject job = technician.get("/api/v1/jobs/" + jobId).object();
        for (var value : job.getJsonArray("points")) {
            JsonObject point = (JsonObject) value;
            boolean discrimination = "DISCRIMINATION".equals(point.getString("test"));
            for (int reading = 1; reading <= point.getInt("readingsNeeded"); reading++) {
                BigDecimal grams = grams(point.getString("load"));
                if (discrimination && reading == 2) {
                    grams = grams.add(grams(point.getString("extraLoad")));
                }
                putOnPan.accept(grams);
                String deltaL = discrimination ? "0" : HALF_E_GRAMS;
                var reply = technician.post("/api/v1/jobs/" + jobId + "/points/" + point.getInt("ordinal") + "/capture",
                        "{\"additionalLoad\":" + deltaL + "}");
                assertThat(reply.status()).as(point.getString("label") + ": " + reply.text()).isEqualTo(200);
                job = reply.object();
            }
        }
        return job;
    }

    /** e/2 of the demo scale (e = 10 g). */
    static final String HALF_E_GRAMS = "5";

    /** Puts a load (grams) on the simulated pan and waits for the stable display of load + bias, in kg to 0.01. */
    static void place(LimsApi user, BigDecimal grams, BigDecimal biasKg) {
        BigDecimal kg = grams.movePointLeft(3);
        SimulatedScale.load(kg.toPlainString());
        awaitStableReading(user, kg.add(biasKg).setScale(2, java.math.RoundingMode.HALF_UP));
    }

    static BigDecimal grams(String quantity) {
        if (!quantity.endsWith(" g")) {
            throw new IllegalArgumentException("Expected a load in g: " + quantity);
        }
        return new BigDecimal(quantity.substring(0, quantity.length() - 2));
    }

    /** The standard and the bench conditions, which come before any reading (issue 11). */
    static void readyToCapture(LimsApi technician, long jobId) {
        var standard = technician.post("/api/v1/jobs/" + jobId + "/standards", "{\"code\":\"STD-F1-001\"}");
        assertThat(standard.status()).as(standard.text()).isEqualTo(200);
        recordNormalEnvironment(technician, jobId);
    }

    /** Records bench conditions inside JJG 539's limits. */
    static void recordNormalEnvironment(LimsApi technician, long jobId) {
        var reply = technician.post("/api/v1/jobs/" + jobId + "/environment", "{\"temperature\":20.5,\"humidity\":45}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    /** Technician measures and signs; returns the job id, now MEASURED. */
    static long measuredAndSubmitted(long instrumentId, BigDecimal biasKg) {
        return measuredAndSubmitted(instrumentId, biasKg, "STD-F1-001");
    }

    /** As {@link #measuredAndSubmitted(long, BigDecimal)}, with the weights of this standard. */
    static long measuredAndSubmitted(long instrumentId, BigDecimal biasKg, String standard) {
        LimsApi technician = LimsApi.as("technician");
        long job = openJob(technician, instrumentId);
        var selected = technician.post("/api/v1/jobs/" + job + "/standards", "{\"code\":\"" + standard + "\"}");
        assertThat(selected.status()).as(selected.text()).isEqualTo(200);
        recordNormalEnvironment(technician, job);
        captureAllPoints(technician, job, biasKg);
        var submitted = technician.post("/api/v1/jobs/" + job + "/submit", "{\"password\":\"jiliang\"}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        return job;
    }

    static void checked(long job) {
        checked(LimsApi.BASE_URL, job);
    }

    /** The checker signs the job on the server at {@code base} ({@code …/lims}). */
    static void checked(String base, long job) {
        var reply = LimsApi.as("checker").at(base).post("/api/v1/jobs/" + job + "/check", "{\"password\":\"jiliang\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    /** A complete job: technician, checker, approver; returns the certificate number. */
    static String verifiedAndApproved(long instrumentId, BigDecimal biasKg) {
        return verifiedAndApproved(instrumentId, biasKg, "STD-F1-001");
    }

    /** A complete job with the weights of this standard; returns the certificate number. */
    static String verifiedAndApproved(long instrumentId, BigDecimal biasKg, String standard) {
        long job = measuredAndSubmitted(instrumentId, biasKg, standard);
        checked(job);
        var approved = LimsApi.as("approver").post("/api/v1/jobs/" + job + "/approve", "{\"password\":\"jiliang\"}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return approved.object().getString("number");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
