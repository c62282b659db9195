package org.jiliang.lims.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * How long the running server takes to verify a long audit trail, and (with the script around
 * it sampling the server's heap) that memory does not grow with the trail. Appends the given
 * number of entries to the server's database with SQL, each correctly chained, and moves the
 * head, then anchors the head over the API and times {@code GET /api/v1/audit/verification}.
 * Not a test: benchmarks/run audit, docs/benchmarks.md.
 */
public final class AuditVerificationBenchmark {

    private AuditVerificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("entries", "1000000", "runs", "3",
                "url", "http://localhost:8080/lims", "dataDir", "target/audit-bench-data", "phase", "all"));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            o.put(kv[0], kv[1]);
        }
        long entries = Long.parseLong(o.get("entries"));
        String phase = o.get("phase"); // append, verify or all: the script samples the heap during verify only
        if (!phase.equals("verify")) {
            try (Connection db = connect(Path.of(o.get("dataDir")))) {
                long t0 = System.nanoTime();
                long head = append(db, entries);
                System.out.printf("appended %,d entries by SQL in %.1f s; the trail now has %,d%n", entries,
                        (System.nanoTime() - t0) / 1e9, head);
            }
        }
        if (phase.equals("append")) {
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString("quality:jiliang".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> anchor = http.send(HttpRequest.newBuilder(URI.create(o.get("url") + "/api/v1/audit/anchors"))
                .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("anchor now: " + anchor.statusCode() + " " + anchor.body());
        List<Double> seconds = new ArrayList<>();
        for (int run = 1; run <= Integer.parseInt(o.get("runs")); run++) {
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(o.get("url")
                    + "/api/v1/audit/verification")).header("Authorization", auth).header("Accept-Language", "en")
                    .timeout(Duration.ofMinutes(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            double s = (System.nanoTime() - t) / 1e9;
            seconds.add(s);
            System.out.printf("run %d: %.2f s, HTTP %d %s%n", run, s, r.statusCode(), r.body());
        }
        seconds.sort(null);
        System.out.printf("RESULT median %.2f s for the whole trail%n", seconds.get(seconds.size() / 2));
    }

    private static Connection connect(Path dataDir) throws Exception {
        String url = System.getenv("LIMS_DB_URL");
        if (url != null && !url.isBlank()) {
            return DriverManager.getConnection(url, System.getenv("LIMS_DB_USER"), System.getenv("LIMS_DB_PASSWORD"));
        }
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("lims-db")
                + ";AUTO_SERVER=TRUE", "sa", "sa");
    }

    /** Appends chained entries after the current head, holding the head's lock as AuditTrail does. */
    private static long append(Connection db, long count) throws Exception {
        db.setAutoCommit(false);
        long last;
        String previous;
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("select last_sequence, last_hash from audit_head where id = 1 for update")) {
            r.next();
            last = r.getLong(1);
            previous = r.getString(2);
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        try (PreparedStatement s = db.prepareStatement("insert into audit_entry (sequence, recorded_at, actor, action, "
                + "record_type, record_id, job_id, old_value, new_value, reason, previous_hash, entry_hash) "
                + "values (?, ?, 'technician', 'point.captured', 'job', ?, ?, ?, ?, null, ?, ?)")) {
            for (long i = 1; i <= count; i++) {
                long seq = last + i;
                Instant at = start.plusMillis(seq * 250);
                long job = 100_000 + seq / 40;
                String oldValue = "I = " + (seq % 3000) + ".00 g";
                String newValue = "I = " + (seq % 3000) + ".01 g, ΔL = 0.005 g";
                String canonical = String.join("\u001f", previous, Long.toString(seq), at.toString(), "technician",
                        "point.captured", "job", Long.toString(job), Long.toString(job), oldValue, newValue, "\u0000");
                String hash = HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
                s.setLong(1, seq);
                s.setObject(2, at.atOffset(ZoneOffset.UTC));
                s.setString(3, Long.toString(job));
                s.setLong(4, job);
                s.setString(5, oldValue);
                s.setString(6, newValue);
                s.setString(7, previous);
                s.setString(8, hash);
                s.addBatch();
                previous = hash;
                if (i % 5000 == 0 || i == count) {
                    s.executeBatch();
                }
            }
        }
        try (PreparedStatement s = db.prepareStatement(
                "update audit_head set last_sequence = ?, last_hash = ? where id = 1")) {
            s.setLong(1, last + count);
            s.setString(2, previous);
            s.executeUpdate();
        }
        db.commit();
        return last + count;
    }
}
