package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/**
 * Tamper evidence of the audit trail against the deployed server (docs/audit-trail.md): someone
 * with write access to the database deletes the newest entries, or rewrites an entry and
 * recomputes the whole unkeyed chain and its head; the verification a quality manager runs
 * must say so. Every test puts the trail back as it was, so the other tests find it intact.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AuditTrailTamperIT {

    private final LimsApi quality = LimsApi.as("quality");

    @Test
    void deletingTheNewestEntriesIsReportedAsATruncatedTrail() throws Exception {
        BenchFlow.openJob(LimsApi.as("technician"), BenchFlow.FOOD_COMPANY_SCALE);
        JsonObject before = verification();
        assertThat(before.getBoolean("intact")).as(before.toString()).isTrue();

        try (TrailAttacker attacker = new TrailAttacker()) {
            long last = attacker.lastSequence();
            List<TrailAttacker.Entry> removed = attacker.entriesFrom(last - 2);
            attacker.asOwner(db -> TrailAttacker.delete(db, last - 2));
            try {
                JsonObject after = verification();
                assertThat(after.getBoolean("intact")).as(after.toString()).isFalse();
                assertThat(after.getJsonNumber("firstBrokenSequence").longValue()).isEqualTo(last - 2);
                assertThat(after.getString("problemKey")).isEqualTo("audit.problem.truncated");
                assertThat(after.getString("problem")).contains(Long.toString(last - 3), Long.toString(last));
                assertThat(after.getJsonNumber("headSequence").longValue()).isEqualTo(last);
                assertThat(after.getBoolean("headMatches")).isFalse();
            } finally {
                attacker.asOwner(db -> TrailAttacker.insert(db, removed));
            }
        }
        JsonObject restored = verification();
        assertThat(restored.getBoolean("intact")).as(restored.toString()).isTrue();
        assertThat(restored.getBoolean("headMatches")).isTrue();
    }

    @Test
    void rewritingAnEntryAndRecomputingTheChainAndHeadIsCaughtByTheAnchors() throws Exception {
        BenchFlow.openJob(LimsApi.as("technician"), BenchFlow.FOOD_COMPANY_SCALE);
        var anchored = quality.post("/api/v1/audit/anchors", "{}");
        JsonObject before = verification();
        assertThat(before.getBoolean("intact")).as(before.toString()).isTrue();

        try (TrailAttacker attacker = new TrailAttacker()) {
            long last = attacker.lastSequence();
            long target = last - 1; // an entry the last anchor covers
            List<TrailAttacker.Entry> original = attacker.entriesFrom(target);
            Object[] originalHead = attacker.head();
            List<TrailAttacker.Entry> forged = new ArrayList<>();
            String previous = original.get(0).previousHash();
            for (TrailAttacker.Entry e : original) {
                TrailAttacker.Entry f = (e.sequence() == target ? e.withNewValue("STD-M2-004 (quietly swapped)") : e)
                        .linkedTo(previous);
                forged.add(f);
                previous = f.entryHash();
            }
            String forgedHead = previous;
            attacker.asOwner(db -> {
                TrailAttacker.overwrite(db, forged);
                TrailAttacker.setHead(db, last, forgedHead);
            });
            try {
                JsonObject after = verification();
                assertThat(after.getBoolean("intact")).as(after.toString()).isFalse();
                assertThat(after.containsKey("headMatches")).as("stopped at the anchor, before the head").isFalse();
                assertThat(after.getString("problemKey")).isEqualTo("audit.problem.anchorMismatch");
                assertThat(after.getJsonNumber("firstBrokenSequence").longValue()).isLessThanOrEqualTo(target);
                assertThat(anchored.status()).as(anchored.text()).isEqualTo(200);
                assertThat(after.getString("problem")).contains("#" + anchored.object().getJsonNumber("id"));
            } finally {
                attacker.asOwner(db -> {
                    TrailAttacker.overwrite(db, original);
                    TrailAttacker.setHead(db, (Long) originalHead[0], (String) originalHead[1]);
                });
            }
        }
        JsonObject restored = verification();
        assertThat(restored.getBoolean("intact")).as(restored.toString()).isTrue();
        assertThat(restored.getJsonNumber("anchorsChecked").longValue()).isPositive();
        assertThat(restored.getString("lastAnchorAt")).isNotBlank();
    }

    @Test
    void anAnchorMadeUpWithoutTheKeyIsRefused() throws Exception {
        BenchFlow.openJob(LimsApi.as("technician"), BenchFlow.FOOD_COMPANY_SCALE);
        assertThat(verification().getBoolean("intact")).isTrue();
        try (TrailAttacker attacker = new TrailAttacker()) {
            Object[] head = attacker.head();
            long[] id = new long[1];
            attacker.asOwner(db -> {
                try (var s = db.prepareStatement("insert into audit_anchor (sequence, entry_hash, anchored_at, key_id, mac) "
                        + "values (?, ?, current_timestamp, 'guess', ?)", Statement.RETURN_GENERATED_KEYS)) {
                    s.setLong(1, (Long) head[0]);
                    s.setString(2, (String) head[1]);
                    s.setString(3, "0".repeat(64));
                    s.executeUpdate();
                    try (var keys = s.getGeneratedKeys()) {
                        keys.next();
                        id[0] = keys.getLong(1);
                    }
                }
            });
            try {
                JsonObject after = verification();
                assertThat(after.getBoolean("intact")).as(after.toString()).isFalse();
                assertThat(after.getString("problemKey")).isEqualTo("audit.problem.anchorForged");
                assertThat(after.getString("problem")).contains("#" + id[0]);
            } finally {
                attacker.asOwner(db -> {
                    if (attacker.postgres()) {
                        try (Statement s = db.createStatement()) {
                            s.execute("alter table audit_anchor disable trigger user");
                        }
                    }
                    try (var s = db.prepareStatement("delete from audit_anchor where id = ?")) {
                        s.setLong(1, id[0]);
                        s.executeUpdate();
                    }
                    if (attacker.postgres()) {
                        try (Statement s = db.createStatement()) {
                            s.execute("alter table audit_anchor enable trigger user");
                        }
                    }
                });
            }
        }
        assertThat(verification().getBoolean("intact")).isTrue();
    }

    @Test
    void onPostgresqlTheDatabaseRefusesToChangeOrDeleteTheTrail() throws Exception {
        try (TrailAttacker attacker = new TrailAttacker()) {
            assumeTrue(attacker.postgres(), "H2 cannot run the append-only trigger: its server module does not see "
                    + "the application's classes; there the keyed anchors detect changes (docs/audit-trail.md)");
            // at least one entry and one anchor, so that the row triggers have rows to refuse
            BenchFlow.openJob(LimsApi.as("technician"), BenchFlow.FOOD_COMPANY_SCALE);
            assertThat(quality.post("/api/v1/audit/anchors", "{}").status()).isEqualTo(200);
            Connection db = attacker.connection();
            for (String sql : List.of("update audit_entry set reason = 'x' where sequence = 1",
                    "delete from audit_entry where sequence = (select max(sequence) from audit_entry)",
                    "truncate audit_entry", "update audit_anchor set mac = 'x'", "delete from audit_anchor",
                    "truncate audit_anchor")) {
                db.setAutoCommit(false);
                try (Statement s = db.createStatement()) {
                    assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                            .hasMessageContaining("append-only");
                } finally {
                    db.rollback(); // whatever happened, nothing of it stays
                    db.setAutoCommit(true);
                }
            }
        }
        assertThat(verification().getBoolean("intact")).isTrue();
    }

    @Test
    void theQualityManagerSeesTheHeadAndTheAnchorsCheckedOnTheAuditPage() {
        BenchFlow.openJob(LimsApi.as("technician"), BenchFlow.FOOD_COMPANY_SCALE);
        assertThat(quality.post("/api/v1/audit/anchors", "{}").status()).isEqualTo(200);
        try (Browser browser = new Browser()) {
            // logging in is itself an audit entry: the head to expect is the one after the login
            browser.openAs("quality", "/audit.xhtml");
            long head = verification().getJsonNumber("headSequence").longValue();
            browser.find(By.id("verify-chain")).click();
            String compared = browser.text(By.id("chain-compared"));
            assertThat(browser.text(By.id("chain-result"))).contains("审计链完整");
            assertThat(compared).contains("链头：第 " + head + " 条", "与最后一条记录一致", "已核验的密钥锚点：")
                    .doesNotContain("已核验的密钥锚点： 0");
            browser.screenshot("audit-verification");
        }
    }

    private JsonObject verification() {
        return quality.getEnglish("/api/v1/audit/verification").object();
    }
}
