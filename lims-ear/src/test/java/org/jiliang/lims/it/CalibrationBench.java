package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;

/**
 * The steps every calibration on the electrical bench begins with, as the intake clerk and the technician take them
 * over the API: find the registered instrument, receive and assign it with the bench device, start; set a point up.
 */
final class CalibrationBench {

    private CalibrationBench() {
    }

    /** The id of the registered instrument with this serial number. */
    static long instrumentId(String serial) {
        for (var value : LimsApi.as("clerk").get("/api/v1/instruments?text=" + serial).rows()) {
            JsonObject i = (JsonObject) value;
            if (serial.equals(i.getString("serialNumber"))) {
                return i.getJsonNumber("id").longValue();
            }
        }
        throw new AssertionError("No instrument " + serial + " is registered");
    }

    /** The intake desk receives the instrument for calibration and assigns it with the bench device; the technician starts. */
    static long receiveAndStart(long instrumentId, String device) {
        return receiveAndStart(LimsApi.BASE_URL, instrumentId, device);
    }

    /** As {@link #receiveAndStart(long, String)}, on the server at {@code base} ({@code …/lims}). */
    static long receiveAndStart(String base, long instrumentId, String device) {
        LimsApi clerk = LimsApi.as("clerk").at(base);
        var received = clerk.post("/api/v1/jobs/intake", "{\"instrumentId\":" + instrumentId + "}");
        assertThat(received.status()).as(received.text()).isEqualTo(200);
        long id = received.object().getJsonNumber("id").longValue();
        assertThat(received.object().getString("verificationType")).isEqualTo("CALIBRATION");
        var assigned = clerk.post("/api/v1/jobs/" + id + "/assignment",
                "{\"technician\":\"technician\",\"benchDevice\":\"" + device + "\"}");
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
        assertThat(LimsApi.as("technician").at(base).post("/api/v1/jobs/" + id + "/start", "{}").status())
                .isEqualTo(200);
        return id;
    }

    /** "Set up meter" on a point: the bench sets the meter (and a driven calibrator) to it. */
    static void setUp(long job, int ordinal) {
        var reply = LimsApi.as("technician").post("/api/v1/jobs/" + job + "/points/" + ordinal + "/setup", "{}");
        assertThat(reply.status()).as("set up point " + ordinal + ": " + reply.text()).isEqualTo(200);
    }
}
