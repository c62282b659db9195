package org.jiliang.lims.it;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

/**
 * A demo server of a test's own ({@link WildFlyProcess#copyOf}, {@code demo}, on free ports): on PostgreSQL where its
 * {@code initdb} is installed, as CI's shared server is, else on H2. For an {@link OwnServer} class that does a user's
 * work as on the shared server, but must not share it (its requests, its waiting). Its institute zone is the shared
 * server's ({@link ItDay#ZONE}), where the day cannot change during a run: ApiFuzzIT compares the demo's records
 * before and after its fuzz, and failed in CI when Shanghai's midnight fell between the two (an instrument overdue
 * one day more).
 */
final class OwnDemoServer implements AutoCloseable {

    private static final Path SERVER = Path.of(System.getProperty("it.serverDir", "target/server"));

    private final PostgresCluster database;
    private final WildFlyProcess wildfly;

    private OwnDemoServer(PostgresCluster database, WildFlyProcess wildfly) {
        this.database = database;
        this.wildfly = wildfly;
    }

    /**
     * Copies the provisioned server into {@code work}, with its data there too, and starts it; {@code more} adds to its
     * set-up (a heap, a system property).
     */
    static OwnDemoServer start(Path work, UnaryOperator<WildFlyProcess.Builder> more)
            throws IOException, InterruptedException, SQLException {
        PostgresCluster database = PostgresCluster.binaries().isPresent() ? PostgresCluster.create() : null;
        WildFlyProcess wildfly = null;
        try {
            WildFlyProcess.Builder server = WildFlyProcess.copyOf(SERVER, work.resolve("wildfly"))
                    .portOffset(WildFlyProcess.freePortOffset()).demo(work.resolve("data"))
                    .systemProperty("jiliang.time-zone", ItDay.ZONE.getId());
            if (database != null) {
                database.start();
                database.createDatabase("lims", "lims", "lims");
                server.postgresql(database, "lims");
            }
            wildfly = more.apply(server).build();
            wildfly.start();
            return new OwnDemoServer(database, wildfly);
        } catch (IOException | InterruptedException | SQLException | RuntimeException | Error e) {
            try {
                new OwnDemoServer(database, wildfly).close(); // what did start is stopped; why it failed is kept
            } catch (IOException | InterruptedException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** {@code http://localhost:<port>/lims}. */
    String base() {
        return wildfly.baseUrl() + "/lims";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (wildfly != null) {
                wildfly.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
