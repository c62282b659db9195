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
 * timeout of a second. Here a direct connection to the server's database plays the long writer. On PostgreSQL (CI)
 * a lock is waited for without limit, so the test shows there that a login waits and succeeds; the 1 s it guards
 * against is H2's, and only a run on the embedded H2 (the demo's database, the default of a targeted run) shows it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AuditHeadLockIT {

    @Test
    void aLoginWhileAnotherTransactionHoldsTheAuditTrailsHeadWaitsForItAndLogsIn() throws Exception {
        try (Connection writer = ServerDatabase.connect(); Connection observer = ServerDatabase.connect()) {
            writer.setAutoCommit(false);
            long before = headSequence(writer, " for update");
            String waitingOnWriter = waitingOn(writer, observer);
            CompletableFuture<LimsApi> login = CompletableFuture.supplyAsync(() -> LimsApi.as("quality").inSession());
            awaitTrue(() -> login.isDone() || waiting(observer, waitingOnWriter), Duration.ofSeconds(30),
                    () -> "the login to wait on the audit trail's head");
            // the writer holds the head longer than H2's default lock timeout (1 s): the login keeps waiting
            assertHolds(() -> !login.isDone() && waiting(observer, waitingOnWriter), Duration.ofMillis(2500),
                    () -> "the login to wait for the writer: " + (login.isDone() ? outcome(login) : "not blocked"));
            writer.commit();
            LimsApi session = login.get(60, TimeUnit.SECONDS);
            assertThat(session.get("/targets.xhtml").status()).isEqualTo(200);
            // its entry follows the writer's in the one chain
            assertThat(headSequence(observer, "")).isGreaterThan(before);
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

    /**
     * The query, run on the observer (each query its own transaction, so it sees sessions as they are now), that counts
     * the sessions waiting for a lock the writer holds: by H2's session id or PostgreSQL's backend pid.
     */
    private static String waitingOn(Connection writer, Connection observer) throws SQLException {
        boolean h2 = writer.getMetaData().getDatabaseProductName().startsWith("H2");
        try (var st = writer.prepareStatement(h2 ? "select session_id()" : "select pg_backend_pid()");
                var rs = st.executeQuery()) {
            rs.next();
            long id = rs.getLong(1);
            return h2 ? "select count(*) from information_schema.sessions where blocker_id = " + id
                    : "select count(*) from pg_stat_activity where " + id + " = any(pg_blocking_pids(pid))";
        }
    }

    private static boolean waiting(Connection observer, String query) {
        try (var st = observer.prepareStatement(query); var rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
