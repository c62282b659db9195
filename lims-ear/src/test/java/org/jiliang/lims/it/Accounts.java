package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;

/** Accounts of their own for tests that lock, disable or reset them: the demo users stay untouched. */
final class Accounts {

    static final String TEMPORARY = "temporary words 2026";
    static final String OWN = "the bench reads true at dawn";

    private Accounts() {
    }

    /** A new staff account, created by the administrator, whose owner has already chosen their password. */
    static String staff(String prefix, String... roles) {
        return create(LimsApi.BASE_URL, prefix, null, roles);
    }

    /** The same on the server at {@code base} (one a test started itself). */
    static String staffAt(String base, String prefix, String... roles) {
        return create(base, prefix, null, roles);
    }

    /** A new customer account of customer {@code customerCode}, its password already chosen by its owner. */
    static String customer(String prefix, String customerCode) {
        return create(LimsApi.BASE_URL, prefix, customerCode, "customer");
    }

    /** The same on the server at {@code base}. */
    static String customerAt(String base, String prefix, String customerCode) {
        return create(base, prefix, customerCode, "customer");
    }

    private static String create(String base, String prefix, String customerCode, String... roles) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = LimsApi.as("admin").at(base).post("/api/v1/admin/accounts", "{\"username\":\"" + username
                + "\",\"displayName\":\"测试 " + username + "\",\"roles\":[\"" + String.join("\",\"", roles)
                + "\"]," + (customerCode == null ? "" : "\"customerCode\":\"" + customerCode + "\",")
                + "\"temporaryPassword\":\"" + TEMPORARY + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        var changed = LimsApi.as(username, TEMPORARY).at(base).post("/api/v1/me/password",
                "{\"currentPassword\":\"" + TEMPORARY + "\",\"newPassword\":\"" + OWN + "\"}");
        assertThat(changed.status()).as(changed.text()).isEqualTo(204);
        return username;
    }

    static JsonObject summary(String username) {
        return LimsApi.as("admin").get("/api/v1/admin/accounts/" + username).object();
    }
}
