package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10: an instrument has a kind and the typed parameters of that kind, checked by the kind's specification
 * before anything is stored. A multimeter is registered by the front desk with its ranges; bad values are refused
 * naming the parameter; the register's kinds are for staff, not customers or anonymous callers.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class InstrumentKindsIT {

    private final LimsApi clerk = LimsApi.as("clerk");

    @Test
    void aMultimeterIsRegisteredWithItsRangesAndShownWithThem() {
        var kinds = clerk.get("/api/v1/registry/kinds");
        assertThat(kinds.status()).isEqualTo(200);
        assertThat(kinds.text()).contains("\"kind\":\"DMM\"").contains("dcv.ranges").contains("直流电压量程");

        String serial = "DMM-" + UUID.randomUUID().toString().substring(0, 8);
        var registered = clerk.post("/api/v1/registry/instruments", multimeter(serial,
                "\"dcv.ranges\":\"100 mV; 1 V; 10 V; 100 V; 1000 V\",\"resistance.ranges\":\"100 Ω; 1 kΩ\","
                        + "\"digits\":\"6½\""));
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        JsonObject view = registered.object();
        assertThat(view.getString("kind")).isEqualTo("DMM");
        assertThat(view.getJsonObject("parameters").getString("dcv.ranges")).isEqualTo("100 mV; 1 V; 10 V; 100 V; 1000 V");
        assertThat(view.getJsonObject("parameters").getString("digits")).isEqualTo("6½");
        assertThat(clerk.get("/api/v1/instruments?text=" + serial).text()).contains(serial);
    }

    @Test
    void aBadParameterIsRefusedNamingItAndNothingIsStored() {
        String serial = "DMM-" + UUID.randomUUID().toString().substring(0, 8);
        var ohmsForVolts = clerk.post("/api/v1/registry/instruments", multimeter(serial,
                "\"dcv.ranges\":\"1 Ω\",\"digits\":\"6½\""));
        assertThat(ohmsForVolts.status()).isEqualTo(409);
        assertThat(ohmsForVolts.object().getString("error")).isEqualTo("error.instrument.parameterInvalid");
        assertThat(ohmsForVolts.object().getString("detail")).contains("直流电压量程").contains("1 Ω");

        var unknown = clerk.post("/api/v1/registry/instruments", multimeter(serial,
                "\"dcv.ranges\":\"1 V\",\"digits\":\"6½\",\"channels\":\"2\""));
        assertThat(unknown.object().getString("error")).isEqualTo("error.instrument.unknownParameter");

        var noFunction = clerk.post("/api/v1/registry/instruments", multimeter(serial, "\"digits\":\"6½\""));
        assertThat(noFunction.object().getString("error")).isEqualTo("error.dmm.noFunction");

        var noKind = clerk.post("/api/v1/registry/instruments", multimeter(serial, "\"digits\":\"6½\"")
                .replace("\"kind\":\"DMM\"", "\"kind\":\"THERMOMETER\""));
        assertThat(noKind.object().getString("error")).isEqualTo("error.instrument.unknownKind");

        var tooLong = clerk.post("/api/v1/registry/instruments", multimeter(serial,
                "\"dcv.ranges\":\"" + "1 V; ".repeat(100) + "\",\"digits\":\"6½\""));
        assertThat(tooLong.status()).isEqualTo(400);

        assertThat(clerk.get("/api/v1/instruments?text=" + serial).text()).doesNotContain(serial);
    }

    @Test
    void customersAndAnonymousCallersDoNotReachTheRegister() {
        assertThat(LimsApi.as("customer").get("/api/v1/registry/kinds").status()).isEqualTo(403);
        assertThat(LimsApi.anonymous().get("/api/v1/registry/kinds").status()).isEqualTo(401);
        String serial = "DMM-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(LimsApi.as("customer").post("/api/v1/registry/instruments",
                multimeter(serial, "\"dcv.ranges\":\"1 V\",\"digits\":\"6½\"")).status()).isEqualTo(403);
        assertThat(clerk.get("/api/v1/instruments?text=" + serial).text()).doesNotContain(serial);
    }

    private static String multimeter(String serial, String parameters) {
        return "{\"customerCode\":\"C0001\",\"description\":\"数字多用表\",\"manufacturer\":\"Keysight\","
                + "\"model\":\"34465A\",\"serialNumber\":\"" + serial + "\",\"mandatoryVerification\":false,"
                + "\"intervalMonths\":12,\"kind\":\"DMM\",\"parameters\":{" + parameters + "}}";
    }
}
