package org.jiliang.lims.bench;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jiliang.lims.platform.DatabaseMigration;

/**
 * How the frame archive's queries ({@link FrameArchive}) run on a device with many frames: the plan H2 chooses
 * and the time per page, for the first page, a deep page, a time range at the end and at the start of the
 * device's history, and a rare status; and what the read indexes of V012 cost each insert. The schema comes
 * from the real migrations on an in-memory H2 2.2 (the one-machine database); the SQL has the shape Hibernate
 * generates for FrameArchive's JPQL. Not a test: benchmarks/run frames, docs/benchmarks.md.
 */
public final class FrameQueryBenchmark {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long STEP_MS = 150; // two devices, each sending a frame every 300 ms
    private static final String PAGE = "select f.id, f.received_at, f.raw_bytes from device_frame f"
            + " where f.device_id = ? and f.id > ?";

    private FrameQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("frames", "400000", "runs", "9"));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            o.put(kv[0], kv[1]);
        }
        int frames = Integer.parseInt(o.get("frames"));
        int runs = Integer.parseInt(o.get("runs"));
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:frames-bench;DB_CLOSE_DELAY=-1");
        migrate(h2);
        try (Connection c = h2.getConnection()) {
            long device = device(c, "BAL-B1");
            long other = device(c, "BAL-B2");
            double withIndexes = insert(c, device, other, 0, frames);
            System.out.printf("inserted %,d frames of 2 devices with the V012 indexes: %.1f µs a frame%n", frames,
                    withIndexes);
            try (Statement s = c.createStatement()) {
                s.execute("analyze");
            }
            long half = frames / 2;
            Instant last = T0.plusMillis(STEP_MS * (frames - 4000));
            query(c, runs, "first page", PAGE + " order by f.device_id, f.id", device, 0, null, null, null);
            query(c, runs, "deep page", PAGE + " order by f.device_id, f.id", device, frames - 5000, null, null,
                    null);
            query(c, runs, "the last minute", PAGE + " and f.received_at >= ? and f.received_at < ? order by f.id",
                    device, 0, last, last.plusSeconds(60), null);
            query(c, runs, "the first minute", PAGE + " and f.received_at >= ? and f.received_at < ? order by f.id",
                    device, 0, T0, T0.plusSeconds(60), null);
            query(c, runs, "status MALFORMED (1 in 1000)", PAGE + " and f.status = ? order by f.device_id, f.status,"
                    + " f.id", device, 0, null, null, "MALFORMED");
            System.out.println("-- without the ORDER BY that matches the index (H2 sorts the device's frames):");
            query(c, runs, "first page, order by id only", PAGE + " order by f.id", device, 0, null, null, null);
            try (Statement s = c.createStatement()) {
                s.execute("drop index device_frame_received");
                s.execute("drop index device_frame_status");
            }
            query(c, runs, "the last minute, no V012", PAGE + " and f.received_at >= ? and f.received_at < ?"
                    + " order by f.id", device, 0, last, last.plusSeconds(60), null);
            query(c, runs, "status MALFORMED, no V012", PAGE + " and f.status = ? order by f.device_id, f.id",
                    device, 0, null, null, "MALFORMED");
            double without = insert(c, device, other, frames, (int) Math.min(half, 200_000));
            System.out.printf("inserted %,d more frames without the V012 indexes: %.1f µs a frame%n",
                    Math.min(half, 200_000), without);
        }
    }

    private static void migrate(DataSource dataSource) throws ReflectiveOperationException {
        DatabaseMigration migration = new DatabaseMigration();
        Field resource = DatabaseMigration.class.getDeclaredField("dataSource");
        resource.setAccessible(true);
        resource.set(migration, dataSource);
        java.lang.reflect.Method migrate = DatabaseMigration.class.getDeclaredMethod("migrate");
        migrate.setAccessible(true); // package-private: the startup bean calls it in the server
        migrate.invoke(migration);
    }

    private static long device(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into bench_device (code, name, protocol, host, port,"
                + " poll_command, poll_interval_ms, simulated, enabled) values (?, ?, 'mt-sics', '127.0.0.1', 1, 'SI',"
                + " 300, false, false)", new String[] {"id"})) {
            ps.setString(1, code);
            ps.setString(2, code);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Inserts frames alternately for the two devices in batches of 1 000; returns µs per frame. */
    private static double insert(Connection c, long device, long other, int start, int count) throws SQLException {
        c.setAutoCommit(false);
        long t = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement("insert into device_frame (device_id, link_session, sequence,"
                + " received_at, raw_bytes, status, reading_value, reading_unit, reject_reason, server_received_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = start; i < start + count; i++) {
                OffsetDateTime at = OffsetDateTime.ofInstant(T0.plusMillis(STEP_MS * i), ZoneOffset.UTC);
                boolean malformed = i % 1000 == 0;
                ps.setLong(1, i % 2 == 0 ? device : other);
                ps.setString(2, "session");
                ps.setLong(3, i);
                ps.setObject(4, at);
                ps.setBytes(5, malformed ? "#@!?\r\n".getBytes() : "S S      12.345 g\r\n".getBytes());
                ps.setString(6, malformed ? "MALFORMED" : "STABLE");
                ps.setBigDecimal(7, malformed ? null : new BigDecimal("12.345"));
                ps.setString(8, malformed ? null : "g");
                ps.setString(9, malformed ? "not an MT-SICS response" : null);
                ps.setObject(10, at);
                ps.addBatch();
                if ((i - start) % 1000 == 999) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        c.setAutoCommit(true);
        return (System.nanoTime() - t) / 1e3 / count;
    }

    /** The plan, then the median time of a page of 101 over a few runs (a different id each run: no cached result). */
    private static void query(Connection c, int runs, String label, String sql, long device, long after,
            Instant from, Instant to, String status) throws SQLException {
        String plan;
        try (PreparedStatement ps = c.prepareStatement("explain " + sql + " fetch first 101 rows only")) {
            bind(ps, device, after, from, to, status);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                plan = r.getString(1).replaceAll("\\s+", " ").replaceAll("^.*?(/\\*[^*]*\\*/).*$", "$1");
            }
        }
        List<Double> times = new ArrayList<>();
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement(sql + " fetch first 101 rows only")) {
            for (int run = 0; run < runs; run++) {
                bind(ps, device, after + run, from, to, status);
                long t = System.nanoTime();
                rows = 0;
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        rows++;
                    }
                }
                times.add((System.nanoTime() - t) / 1e6);
            }
        }
        Double[] sorted = times.toArray(new Double[0]);
        Arrays.sort(sorted);
        System.out.printf("%-40s %3d rows  median %7.2f ms  max %7.2f ms  %s%n", label, rows, sorted[runs / 2],
                sorted[runs - 1], plan);
    }

    private static void bind(PreparedStatement ps, long device, long after, Instant from, Instant to, String status)
            throws SQLException {
        int i = 1;
        ps.setLong(i++, device);
        ps.setLong(i++, after);
        if (from != null) {
            ps.setObject(i++, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            ps.setObject(i++, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        if (status != null) {
            ps.setString(i, status);
        }
    }
}
