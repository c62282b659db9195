package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, My instruments: an owner finds what they have to book — due within a month or overdue — and filters by
 * status and category, in the list and its export; another owner's instruments never appear.
 */
class MyInstrumentsIT {

    @Test
    void anOwnerFindsWhatIsDueSoonAmongTheirOwnInstruments() {
        String tag = "MI-" + UUID.randomUUID().toString().substring(0, 6);
        // interval 12 months: verified a year ago less 10 days → due in 10 days; less 200 days → due in 200 days
        register("C0001", tag + "-SOON", ItDay.TODAY.minusYears(1).plusDays(10));
        register("C0001", tag + "-LATER", ItDay.TODAY.minusYears(1).plusDays(200));
        register("C0001", tag + "-OVER", ItDay.TODAY.minusYears(1).minusDays(3));
        register("C0002", tag + "-MARKET", ItDay.TODAY.minusYears(1).plusDays(5));

        LimsApi customer = LimsApi.as("customer");
        String soon = customer.get("/api/v1/instruments.csv?text=" + tag + "&dueWithin=30").text();
        assertThat(soon).contains(tag + "-SOON", tag + "-OVER").doesNotContain(tag + "-LATER", tag + "-MARKET");
        assertThat(customer.get("/api/v1/instruments.csv?text=" + tag + "&dueWithin=0").text())
                .contains(tag + "-OVER").doesNotContain(tag + "-SOON");
        assertThat(customer.get("/api/v1/instruments.csv?text=" + tag).text())
                .contains(tag + "-SOON", tag + "-LATER", tag + "-OVER").doesNotContain(tag + "-MARKET");
        assertThat(customer.get("/api/v1/instruments.csv?text=" + tag + "&status=IN_SERVICE&category=NAWI").text())
                .contains(tag + "-SOON", tag + "-LATER");
        assertThat(customer.get("/api/v1/instruments.csv?text=" + tag + "&status=SCRAPPED").text())
                .doesNotContain(tag);
        assertThat(LimsApi.as("customer2").get("/api/v1/instruments.csv?text=" + tag + "&dueWithin=30").text())
                .contains(tag + "-MARKET").doesNotContain(tag + "-SOON", tag + "-OVER");

        var wrongStatus = customer.get("/api/v1/instruments.csv?status=BROKEN");
        assertThat(wrongStatus.status()).isEqualTo(400);
        assertThat(wrongStatus.object().getString("detail")).contains("IN_SERVICE");
        assertThat(customer.get("/api/v1/instruments.csv?dueWithin=9999").status()).isEqualTo(400);
    }

    private static void register(String owner, String serial, java.time.LocalDate lastVerifiedOn) {
        var reply = LimsApi.as("clerk").post("/api/v1/registry/instruments", "{\"customerCode\":\"" + owner + "\","
                + "\"description\":\"电子计价秤\",\"manufacturer\":\"凯丰衡器\",\"model\":\"ACS-30\",\"serialNumber\":\""
                + serial + "\",\"mandatoryVerification\":true,\"intervalMonths\":12,\"scale\":{\"accuracyClass\":"
                + "\"III\",\"max\":\"30 kg\",\"e\":\"10 g\",\"d\":\"10 g\"},\"entry\":{\"legalCategory\":\"NAWI\","
                + "\"lastVerifiedOn\":\"" + lastVerifiedOn + "\",\"lastCertificate\":\"P-" + serial + "\"}}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }
}
