package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiliang.lims.it.Waits.assertHolds;
import static org.jiliang.lims.it.Waits.awaitTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every audited action appends to one chain and so locks its head for the rest of its transaction; issuing a signed
 * certificate holds it for a second or two. A user who logs in meanwhile waits for it and is logged in: found on the
 * demo (H2), where a login during the demo's first certificate failed with "an error occurred" after H2's default lock
 * timeout of a second. Here a direct connection to the server's database plays the long writer.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AuditHeadLockIT {

    @Test
    void aLoginWhileAnotherTransactionHoldsTheAuditTrailsHeadWaitsForItAndLogsIn() throws Exception {
        try (Connection writer = ServerDatabase.connect()) {
            writer.setAutoCommit(false);
            long before = headSequence(writer, " for update");
            CompletableFuture<LimsApi> login = CompletableFuture.supplyAsync(() -> LimsApi.as("quality").inSession());
            awaitTrue(() -> login.isDone() || blocked(writer), Duration.ofSeconds(30),
                    () -> "the login to wait on the audit trail's head");
            // the writer holds the head longer than H2's default lock timeout (1 s): the login keeps waiting
            assertHolds(() -> !login.isDone() && blocked(writer), Duration.ofMillis(2500),
                    () -> "the login to wait for the writer: " + (login.isDone() ? outcome(login) : "not blocked"));
            writer.commit();
            LimsApi session = login.get(60, TimeUnit.SECONDS);
            assertThat(session.get("/targets.xhtml").status()).isEqualTo(200);
            // its entry follows the writer's in the one chain
            assertThat(headSequence(writer, "")).isGreaterThan(before);
        }
    }

    private static String outcome(CompletableFuture<LimsApi> login) {
        try {
            return "it ended with " + login.getNow(null);
        } catch (RuntimeException e) {
            return "it failed: " + e.getMessage();
        }
    }

    private static long headSequence(Connection db, String forUpdate) throws SQLException {
        try (var st = db.prepareStatement("select last_sequence from audit_head where id = 1" + forUpdate);
                var rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Whether another session of the database waits for a lock (H2 or PostgreSQL, as the server runs). */
    private static boolean blocked(Connection db) {
        try {
            String product = db.getMetaData().getDatabaseProductName();
            String sql = product.startsWith("H2")
                    ? "select count(*) from information_schema.sessions where blocker_id is not null"
                    : "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                            + " and datname = current_database()";
            try (var st = db.prepareStatement(sql); var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
