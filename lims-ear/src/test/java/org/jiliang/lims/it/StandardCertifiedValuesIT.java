package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10 §3: the values a standard's calibration certificate states point by point are part of its record, kept
 * by the quality manager; a multimeter calibration takes the standard's value, U and k from there. Bad values are
 * refused naming the field, nothing half-stored; no one else may record them. A reference resistor's value also
 * carries the temperature it is certified at and its temperature coefficient, which a substitution needs.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StandardCertifiedValuesIT {

    private final LimsApi quality = LimsApi.as("quality");

    @Test
    void theQualityManagerRecordsTheCertificatesValuesAndBadOnesAreRefused() {
        String code = "STD-CAL-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        var registered = quality.post("/api/v1/standards", "{\"code\":\"" + code + "\",\"name\":\"多功能校准器\","
                + "\"accuracy\":\"0.002 %\",\"serialNumber\":\"MFC-IT-1\",\"certificateNumber\":\"JZJ-IT-1\","
                + "\"traceableTo\":\"国家基准\",\"calibratedOn\":\"2026-10-01\",\"dueDate\":\"2027-09-30\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);

        var certified = quality.post("/api/v1/standards/" + code + "/values", value("10 V", "10.00002 V", "0.00004 V", "2"));
        assertThat(certified.status()).as(certified.text()).isEqualTo(200);
        assertThat(certified.object().getString("referenceValues"))
                .isEqualTo("10 V: 10.00002 V, U = 0.00004 V (k = 2)");

        var again = quality.postEnglish("/api/v1/standards/" + code + "/values", value("10000 mV", "10000.02 mV",
                "0.04 mV", "2"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.object().getString("error")).isEqualTo("error.standard.valueExists");
        assertThat(again.object().getString("detail")).contains(code).contains("10000 mV");

        var ohmsForVolts = quality.postEnglish("/api/v1/standards/" + code + "/values", value("1 V", "1.000002 V",
                "0.000004 Ω", "2"));
        assertThat(ohmsForVolts.status()).isEqualTo(409);
        assertThat(ohmsForVolts.object().getString("error")).isEqualTo("error.standard.valueQuantity");
        assertThat(ohmsForVolts.object().getString("detail")).contains("Expanded uncertainty U").contains("0.000004 Ω")
                .contains("mV");

        var noK = quality.postEnglish("/api/v1/standards/" + code + "/values", value("1 V", "1.000002 V", "0.000004 V",
                "0"));
        assertThat(noK.status()).isEqualTo(409);
        assertThat(noK.object().getString("error")).isEqualTo("error.standard.coverageFactor");
        var hugeK = quality.post("/api/v1/standards/" + code + "/values", value("1 V", "1.000002 V", "0.000004 V", "11"));
        assertThat(hugeK.status()).isEqualTo(400);

        for (String other : new String[] {"technician", "clerk", "customer"}) {
            assertThat(LimsApi.as(other).post("/api/v1/standards/" + code + "/values",
                    value("1 V", "1.000002 V", "0.000004 V", "2")).status()).as(other).isEqualTo(403);
        }
        assertThat(LimsApi.anonymous().post("/api/v1/standards/" + code + "/values",
                value("1 V", "1.000002 V", "0.000004 V", "2")).status()).isEqualTo(401);

        JsonObject listed = quality.get("/api/v1/standards").array().stream().map(JsonObject.class::cast)
                .filter(s -> code.equals(s.getString("code"))).findFirst().orElseThrow();
        assertThat(listed.getString("referenceValues")).as("only the one good value is stored")
                .isEqualTo("10 V: 10.00002 V, U = 0.00004 V (k = 2)");
    }

    @Test
    void aReferenceResistorsValueCarriesItsTemperatureAndCoefficientBothOrNeither() {
        String code = "STD-RES-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        var registered = quality.post("/api/v1/standards", "{\"code\":\"" + code + "\",\"name\":\"标准电阻 1 kΩ\","
                + "\"accuracy\":\"0.0005 级\",\"serialNumber\":\"RS-IT-1\",\"certificateNumber\":\"JZJ-IT-2\","
                + "\"traceableTo\":\"国家基准\",\"calibratedOn\":\"2026-10-01\",\"dueDate\":\"2027-09-30\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        String base = "{\"nominal\":\"1000 Ω\",\"value\":\"1000.0120 Ω\",\"expandedUncertainty\":\"0.0040 Ω\","
                + "\"coverageFactor\":2,\"driftLimit\":\"0.003 Ω\",\"temperatureLimit\":\"0 Ω\"";

        var onlyT0 = quality.postEnglish("/api/v1/standards/" + code + "/values", base
                + ",\"referenceTemperature\":\"20 °C\"}");
        assertThat(onlyT0.status()).isEqualTo(409);
        assertThat(onlyT0.object().getString("error")).isEqualTo("error.standard.temperatureDependence");
        assertThat(onlyT0.object().getString("detail")).contains("t₀").contains("α");
        var boiling = quality.postEnglish("/api/v1/standards/" + code + "/values", base
                + ",\"referenceTemperature\":\"200 °C\",\"temperatureCoefficientPpm\":2}");
        assertThat(boiling.status()).isEqualTo(409);
        assertThat(boiling.object().getString("error")).isEqualTo("error.standard.temperatureDependenceBounds");
        var hugeAlpha = quality.post("/api/v1/standards/" + code + "/values", base
                + ",\"referenceTemperature\":\"20 °C\",\"temperatureCoefficientPpm\":20000}");
        assertThat(hugeAlpha.status()).isEqualTo(400);
        var driftInVolts = quality.postEnglish("/api/v1/standards/" + code + "/values", base
                + ",\"driftEstimate\":\"0.002 V\",\"referenceTemperature\":\"20 °C\",\"temperatureCoefficientPpm\":2}");
        assertThat(driftInVolts.status()).isEqualTo(409);
        assertThat(driftInVolts.object().getString("detail")).contains("Predicted drift");

        var certified = quality.post("/api/v1/standards/" + code + "/values", base
                + ",\"driftEstimate\":\"0.002 Ω\",\"referenceTemperature\":\"20 °C\",\"temperatureCoefficientPpm\":2.5}");
        assertThat(certified.status()).as(certified.text()).isEqualTo(200);
        assertThat(certified.object().getString("referenceValues")).isEqualTo(
                "1000 Ω: 1000.012 Ω, U = 0.004 Ω (k = 2), drift 0.002 Ω, t₀ = 20 °C, α = 2.5·10⁻⁶/K");
    }

    @Test
    void theQualityManagerNamesTheBenchDeviceAStandardIsDrivenThrough() {
        String code = "STD-SRC-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        assertThat(quality.post("/api/v1/standards", "{\"code\":\"" + code + "\",\"name\":\"多功能校准器\","
                + "\"accuracy\":\"0.002 %\",\"serialNumber\":\"MFC-IT-2\",\"certificateNumber\":\"JZJ-IT-3\","
                + "\"traceableTo\":\"国家基准\",\"calibratedOn\":\"2026-10-01\",\"dueDate\":\"2027-09-30\"}")
                .status()).isEqualTo(200);

        var unknown = quality.put("/api/v1/standards/" + code + "/device", "{\"device\":\"NO-SUCH-DEVICE\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.object().getString("error")).isEqualTo("error.device.unknown");
        assertThat(unknown.object().getString("detail")).contains("NO-SUCH-DEVICE");
        for (String other : new String[] {"technician", "admin", "customer"}) {
            assertThat(LimsApi.as(other).put("/api/v1/standards/" + code + "/device", "{\"device\":\"MFC-01\"}")
                    .status()).as(other).isEqualTo(403);
        }
        assertThat(LimsApi.anonymous().put("/api/v1/standards/" + code + "/device", "{\"device\":\"MFC-01\"}").status())
                .isEqualTo(401);

        var driven = quality.put("/api/v1/standards/" + code + "/device", "{\"device\":\"MFC-01\"}");
        assertThat(driven.status()).as(driven.text()).isEqualTo(200);
        assertThat(driven.object().getString("drivenThrough")).isEqualTo("MFC-01");
        var byHand = quality.put("/api/v1/standards/" + code + "/device", "{\"device\":\"\"}");
        assertThat(byHand.status()).isEqualTo(200);
        assertThat(byHand.object().get("drivenThrough")).as("set by hand again: no device")
                .isIn(null, jakarta.json.JsonValue.NULL);
    }

    private static String value(String nominal, String value, String u, String k) {
        return "{\"nominal\":\"" + nominal + "\",\"value\":\"" + value + "\",\"expandedUncertainty\":\"" + u
                + "\",\"coverageFactor\":" + k + ",\"driftLimit\":\"0 V\",\"temperatureLimit\":\"0 V\"}";
    }
}
