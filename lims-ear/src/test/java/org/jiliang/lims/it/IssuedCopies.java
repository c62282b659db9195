package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many issued certificates quickly, for a re-issue run (ReissueCrashIT, ReissueBenchmark): one certificate made at
 * a server's demo bench through the API, then copies of it written in SQL beside it.
 */
final class IssuedCopies {

    private static final SecureRandom RANDOM = new SecureRandom();

    private IssuedCopies() {
    }

    /** One scale verification on that server's demo bench, from the first reading to the approver's signature. */
    static String certificateAtTheBench(String base, int balancePort) {
        LimsApi technician = LimsApi.as("technician").at(base);
        long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);
        var standard = technician.post("/api/v1/jobs/" + job + "/standards", "{\"code\":\"STD-F1-001\"}");
        assertThat(standard.status()).as(standard.text()).isEqualTo(200);
        BenchFlow.recordNormalEnvironment(technician, job);
        BenchFlow.captureAllPoints(technician, job, grams -> {
            BigDecimal kg = grams.movePointLeft(3);
            SimulatedScale.load(balancePort, kg.toPlainString());
            BenchFlow.awaitStableReading(technician, kg.setScale(2, java.math.RoundingMode.HALF_UP));
        });
        assertThat(technician.post("/api/v1/jobs/" + job + "/submit", "{\"password\":\"jiliang\"}").status())
                .isEqualTo(200);
        assertThat(LimsApi.as("checker").at(base).post("/api/v1/jobs/" + job + "/check", "{\"password\":\"jiliang\"}")
                .status()).isEqualTo(200);
        var approved = LimsApi.as("approver").at(base).post("/api/v1/jobs/" + job + "/approve",
                "{\"password\":\"jiliang\"}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return approved.object().getString("number");
    }

    /**
     * Copies of the certificate, each with its own number and token and the same files, as if the job had been
     * approved that many times: enough certificates for a run to be cut in the middle.
     */
    static void copy(Connection db, String number, int copies) throws SQLException {
        long id;
        try (PreparedStatement q = db.prepareStatement("select id from certificate where certificate_number = ?")) {
            q.setString(1, number);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement copy = db.prepareStatement("insert into certificate (certificate_number, kind, job_id,"
                + " customer_id, issued_at, valid_until, verification_token, pdf_sha256, revision,"
                + " instrument_description, instrument_manufacturer, instrument_model, instrument_serial_number,"
                + " procedure_code, issuer) select ?, kind, job_id, customer_id, issued_at, valid_until, ?, pdf_sha256,"
                + " 0, instrument_description, instrument_manufacturer, instrument_model, instrument_serial_number,"
                + " procedure_code, issuer from certificate where id = ?", Statement.RETURN_GENERATED_KEYS);
                PreparedStatement content = db.prepareStatement("insert into certificate_content (certificate_id,"
                        + " pdf, dcc_xml) select ?, pdf, dcc_xml from certificate_content where certificate_id = ?")) {
            for (int i = 1; i <= copies; i++) {
                byte[] token = new byte[24];
                RANDOM.nextBytes(token);
                copy.setString(1, number + "-C" + i);
                copy.setString(2, Base64.getUrlEncoder().withoutPadding().encodeToString(token));
                copy.setLong(3, id);
                copy.executeUpdate();
                try (ResultSet keys = copy.getGeneratedKeys()) {
                    keys.next();
                    content.setLong(1, keys.getLong(1));
                    content.setLong(2, id);
                    content.executeUpdate();
                }
            }
        }
    }

    /**
     * The tables a certificate's job is made of, in the order they are copied: each with the column that ties a row
     * to the row it belongs to (the first two are chosen by id). Every other reference to a copied row is replaced by
     * the reference to its copy.
     */
    private static final List<String[]> JOB_PARTS = List.of(
            new String[] {"instrument_under_test", "id"},
            new String[] {"instrument_parameter", "instrument_id"},
            new String[] {"instrument_verification", "instrument_id"},
            new String[] {"verification_job", "id"},
            new String[] {"job_standard", "job_id"},
            new String[] {"test_point", "job_id"},
            new String[] {"point_reading", "test_point_id"},
            new String[] {"point_reading_standard", "reading_id"},
            new String[] {"reading_entry", "reading_id"},
            new String[] {"signature", "job_id"},
            new String[] {"environment_record", "job_id"},
            new String[] {"certificate", "id"},
            new String[] {"certificate_content", "certificate_id"},
            new String[] {"calibration_result", "certificate_id"});

    /**
     * Copies of the certificate as a lab has them: each certifies a job of its own (points, readings, standards,
     * signatures, environment) on an instrument of its own (another serial number), as if that many instruments had
     * been verified and approved. A re-issue run over them locks, reads and updates what a real selection does,
     * where {@link #copy} has every copy share the one job and instrument. PostgreSQL only (its catalogue names the
     * references). One transaction; some 80 statements a copy, the values copied by the database.
     */
    static void copyWithJobs(Connection db, String number, int copies) throws SQLException {
        long certificate;
        long job;
        long instrument;
        try (PreparedStatement q = db.prepareStatement("select c.id, j.id, j.instrument_id from certificate c"
                + " join verification_job j on j.id = c.job_id where c.certificate_number = ?")) {
            q.setString(1, number);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as(number).isTrue();
                certificate = rs.getLong(1);
                job = rs.getLong(2);
                instrument = rs.getLong(3);
            }
        }
        Map<String, Long> roots = Map.of("instrument_under_test", instrument, "verification_job", job,
                "certificate", certificate);
        Map<String, TableCopy> tables = new LinkedHashMap<>();
        for (String[] part : JOB_PARTS) {
            tables.put(part[0], TableCopy.of(db, part[0], part[1]));
        }
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            for (int i = 1; i <= copies; i++) {
                String suffix = "-C" + i;
                byte[] token = new byte[24];
                RANDOM.nextBytes(token);
                // what must be unique gets the copy's suffix (a null asset number stays null)
                Map<String, String> suffixes = Map.of("instrument_under_test.serial_number", suffix,
                        "instrument_under_test.asset_number", suffix, "verification_job.job_number", suffix,
                        "instrument_verification.certificate", suffix);
                Map<String, Object> values = Map.of("certificate.certificate_number", number + suffix,
                        "certificate.verification_token", Base64.getUrlEncoder().withoutPadding().encodeToString(token));
                Map<String, Map<Long, Long>> copied = new HashMap<>();
                for (TableCopy t : tables.values()) {
                    Long root = roots.get(t.table);
                    t.copy(db, root != null ? List.of(root) : null, copied, suffixes, values);
                }
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    /** How one table's rows are copied: its columns, which of them refer to which table, its owner column. */
    private record TableCopy(String table, String owner, List<String> columns, Map<String, String> references,
            boolean hasId) {

        static TableCopy of(Connection db, String table, String owner) throws SQLException {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("select column_name from information_schema.columns"
                    + " where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
                q.setString(1, table);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
            }
            assertThat(columns).as(table).isNotEmpty();
            Map<String, String> references = new HashMap<>();
            try (PreparedStatement q = db.prepareStatement("select a.attname, f.relname from pg_constraint c"
                    + " join pg_class t on t.oid = c.conrelid join pg_class f on f.oid = c.confrelid"
                    + " join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]"
                    + " where c.contype = 'f' and t.relname = ? and cardinality(c.conkey) = 1")) {
                q.setString(1, table);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        references.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            boolean hasId = columns.remove("id");
            return new TableCopy(table, owner, columns, references, hasId);
        }

        /**
         * Copies the rows with these ids ({@code ids}), or those whose owner column names a row copied already, and
         * records each copy's id in {@code copied}. The database copies the values (the PDFs never travel); only the
         * references to copied rows and the overridden columns are sent: {@code suffixes} appends to the original
         * value, {@code values} replaces it. A table without an id is copied owner by owner, only its owner column
         * replaced.
         */
        void copy(Connection db, List<Long> ids, Map<String, Map<Long, Long>> copied, Map<String, String> suffixes,
                Map<String, Object> values) throws SQLException {
            List<Long> owners = ids != null ? ids
                    : List.copyOf(copied.getOrDefault(references.get(owner), Map.of()).keySet());
            if (owners.isEmpty()) {
                return;
            }
            String key = ids != null || hasId ? "id" : owner;
            List<String> remapped = hasId ? columns.stream().filter(references::containsKey).toList() : List.of(owner);
            List<String> exprs = new ArrayList<>();
            for (String c : columns) {
                String qualified = table + "." + c;
                exprs.add(values.containsKey(qualified) || remapped.contains(c) ? "?"
                        : suffixes.containsKey(qualified) ? c + " || ?" : c);
            }
            String insert = "insert into " + table + " (" + String.join(", ", columns) + ") select "
                    + String.join(", ", exprs) + " from " + table + " where " + key + " = ?";
            List<Map<String, Object>> rows = new ArrayList<>();
            String read = "select " + (hasId ? "id" : "distinct " + owner)
                    + (hasId ? remapped.stream().map(c -> ", " + c).reduce("", String::concat) : "") + " from " + table
                    + " where " + (ids != null ? "id" : owner) + " = any (?)" + (hasId ? " order by id" : "");
            try (PreparedStatement q = db.prepareStatement(read)) {
                q.setArray(1, db.createArrayOf("bigint", owners.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> row = new HashMap<>();
                        row.put(key, rs.getObject(1));
                        for (int i = 0; i < remapped.size(); i++) {
                            row.put(remapped.get(i), hasId ? rs.getObject(i + 2) : rs.getObject(1));
                        }
                        rows.add(row);
                    }
                }
            }
            try (PreparedStatement ins = hasId ? db.prepareStatement(insert, new String[] {"id"})
                    : db.prepareStatement(insert)) {
                for (Map<String, Object> row : rows) {
                    int p = 0;
                    for (String c : columns) {
                        String qualified = table + "." + c;
                        if (values.containsKey(qualified)) {
                            ins.setObject(++p, values.get(qualified));
                        } else if (remapped.contains(c)) {
                            Object value = row.get(c);
                            if (value == null) {
                                ins.setNull(++p, java.sql.Types.BIGINT); // typed: an untyped null would be text
                            } else {
                                long original = ((Number) value).longValue();
                                ins.setLong(++p, copied.getOrDefault(references.get(c), Map.of())
                                        .getOrDefault(original, original));
                            }
                        } else if (suffixes.containsKey(qualified)) {
                            ins.setString(++p, suffixes.get(qualified));
                        }
                    }
                    ins.setObject(++p, row.get(key));
                    ins.executeUpdate();
                    if (hasId) {
                        try (ResultSet keys = ins.getGeneratedKeys()) {
                            keys.next();
                            copied.computeIfAbsent(table, k -> new HashMap<>())
                                    .put(((Number) row.get("id")).longValue(), keys.getLong(1));
                        }
                    }
                }
            }
        }
    }
}
