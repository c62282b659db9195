package org.jiliang.lims.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The versioned migrations, run by the same startup bean as in the server, on an in-memory H2
 * (the one-machine database). PostgreSQL is covered by the integration tests.
 */
class MigrationTest {

    private final JdbcDataSource dataSource = new JdbcDataSource();

    @BeforeEach
    void emptyDatabase() {
        // One database per test: nothing carries over from one test to the next.
        dataSource.setURL("jdbc:h2:mem:mig-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("shutdown");
        }
    }

    @Test
    void createsEveryTableOfTheBaseline() throws Exception {
        migrate();

        assertThat(tables()).contains("institute", "customer", "user_account", "user_role", "instrument_under_test",
                "measurement_standard", "bench_device", "device_frame", "verification_job", "job_standard",
                "test_point", "signature", "number_counter", "certificate");
    }

    @Test
    void theAuditTrailGetsItsAnchorTableAndOnH2NoPostgresqlOnlyMigration() throws Exception {
        migrate();

        assertThat(tables()).contains("audit_entry", "audit_head", "audit_anchor");
        try (Connection c = dataSource.getConnection()) {
            assertThat(count(c, "\"flyway_schema_history\" where \"script\" like 'R__%'"))
                    .as("the append-only triggers are PostgreSQL's (db/migration-postgresql)").isZero();
        }
    }

    @Test
    void aDeviceFrameIsStoredOnlyOncePerLinkSessionAndSequence() throws Exception {
        migrate();
        try (Connection c = dataSource.getConnection()) {
            long device = insertBenchDevice(c);
            insertFrame(c, device, "session-1", 7);

            assertThatThrownBy(() -> insertFrame(c, device, "session-1", 7))
                    .isInstanceOf(SQLIntegrityConstraintViolationException.class);
            insertFrame(c, device, "session-2", 7); // a new link session starts its own sequence
            insertFrame(c, device, "session-1", 8);
            assertThat(count(c, "device_frame")).isEqualTo(3);
        }
    }

    @Test
    void migratingAgainOnRestartChangesNothing() throws Exception {
        migrate();
        List<String> tablesAfterFirstStart = tables();

        migrate();

        assertThat(tables()).isEqualTo(tablesAfterFirstStart);
        try (Connection c = dataSource.getConnection()) {
            assertThat(count(c, "\"flyway_schema_history\" where \"version\" = '001'")).isEqualTo(1);
        }
    }

    @Test
    void framesStoredBeforeTheServerStampedItsOwnTimeGetTheirReceiveTimeAsTheServers() throws Exception {
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("6")
                .load().migrate();
        try (Connection c = dataSource.getConnection()) {
            insertFrame(c, insertBenchDevice(c), "session-1", 1);
        }

        migrate();

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select received_at, server_received_at from device_frame")) {
            rs.next();
            assertThat(rs.getObject(2, java.time.OffsetDateTime.class).toInstant())
                    .isEqualTo(rs.getObject(1, java.time.OffsetDateTime.class).toInstant());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into device_frame (device_id, link_session, sequence, received_at, server_received_at,"
                        + " raw_bytes, status) values ((select id from bench_device), 'session-1', 2,"
                        + " timestamp with time zone '2026-03-02 10:00:00+08:00', null, X'00', 'MALFORMED')")) {
            assertThatThrownBy(s::executeUpdate).as("every frame has the server's time").isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aFrameValueOfTenToTheFifteenOrWithNineDecimalsIsStoredWithoutOverflowOrRounding() throws Exception {
        migrate();
        try (Connection c = dataSource.getConnection()) {
            long device = insertBenchDevice(c);
            insertFrame(c, device, "session-1", 1);
            try (PreparedStatement s = c.prepareStatement("update device_frame set reading_value = ?")) {
                s.setBigDecimal(1, new java.math.BigDecimal("1000000000000000.123456789"));
                s.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select reading_value from device_frame")) {
                rs.next();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("1000000000000000.123456789");
            }
        }
    }

    @Test
    void aCapturedIndicationKeepsEighteenDecimals() throws Exception {
        migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select numeric_precision, numeric_scale from information_schema.columns"
                        + " where lower(table_name) = 'point_reading' and lower(column_name) = 'indication_value'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(38);
            assertThat(rs.getInt(2)).isEqualTo(18);
        }
    }

    @Test
    void aCalibrationResultStoredBeforeV015KeepsItsCertificateAndACertificateMayStateManyResults() throws Exception {
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("14")
                .load().migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set referential_integrity false"); // a certificate and its result, without job and customer
            s.execute("insert into certificate (id, certificate_number, kind, job_id, customer_id, issued_at,"
                    + " verification_token, pdf_sha256) values (7, 'JH-JC-2026-000001', 'CALIBRATION_CERTIFICATE', 1, 1,"
                    + " current_timestamp, 'token', 'sha')");
            s.execute(resultRow("7", null, "1.2"));
            s.execute("set referential_integrity true");
        }

        migrate();

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select certificate_id, ordinal, air_density from calibration_result")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the stored row keeps its certificate").isEqualTo(7);
                assertThat(rs.getInt(2)).isEqualTo(1);
                assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("1.2");
            }
            s.execute("set referential_integrity false");
            s.execute(resultRow("7", "2", null)); // a second result of the same certificate, without air density
            assertThatThrownBy(() -> s.execute(resultRow("7", "2", null)))
                    .as("one row per place on the certificate").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("insert into calibration_result (job_id, measurand, nominal_value,"
                    + " measured_value, expanded_uncertainty, unit, coverage_factor, coverage_probability, budget_csv,"
                    + " rules_source, created_at, ordinal) values (1, 'E', 1, 1, 1, 'V', 2, '95 %', 'csv', 'src',"
                    + " current_timestamp, 3)")).as("a result belongs to a certificate").isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aJobMayHaveAnOriginalAndItsRevisionsButACertificateIsReplacedOnlyOnce() throws Exception {
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("39")
                .load().migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set referential_integrity false");
            s.execute(certificateRow(1, "JHJD2026-000001", 1));
            assertThatThrownBy(() -> s.execute(certificateRow(2, "JHJD2026-000001-R1", 1)))
                    .as("before V040 a job had one certificate").isInstanceOf(SQLException.class);
            s.execute("set referential_integrity true");
        }

        migrate();

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set referential_integrity false");
            s.execute(certificateRow(2, "JHJD2026-000001-R1", 1));
            s.execute("update certificate set revision = 1, supersedes_id = 1, revision_reason = 'typo' where id = 2");
            s.execute(certificateRow(3, "JHJD2026-000001-R9", 1));
            assertThatThrownBy(() -> s.execute("update certificate set supersedes_id = 1 where id = 3"))
                    .as("a certificate is replaced by one revision").isInstanceOf(SQLException.class);
            try (ResultSet rs = s.executeQuery("select revision, instrument_description from certificate where id = 1")) {
                rs.next();
                assertThat(rs.getInt(1)).as("a certificate issued before V041 is an original").isZero();
                assertThat(rs.getString(2)).as("no job, no register data to take").isNull();
            }
            s.execute("insert into certificate_withdrawal (certificate_id, withdrawn_at, withdrawn_by, reason)"
                    + " values (2, current_timestamp, 'approver', 'wrong standard')");
            assertThatThrownBy(() -> s.execute("insert into certificate_withdrawal (certificate_id, withdrawn_at,"
                    + " withdrawn_by, reason) values (2, current_timestamp, 'quality', 'again')"))
                    .as("withdrawn once").isInstanceOf(SQLException.class);
        }
    }

    private static String certificateRow(long id, String number, long job) {
        return "insert into certificate (id, certificate_number, kind, job_id, customer_id, issued_at,"
                + " verification_token, pdf_sha256) values (" + id + ", '" + number + "', 'VERIFICATION_CERTIFICATE', "
                + job + ", 1, current_timestamp, 'token-" + id + "', 'sha')";
    }

    /** A calibration_result row of certificate {@code certificate}; ordinal null: the column's default. */
    private static String resultRow(String certificate, String ordinal, String airDensity) {
        return "insert into calibration_result (job_id, certificate_id, measurand, nominal_value, measured_value,"
                + " expanded_uncertainty, unit, coverage_factor, coverage_probability, tolerance, uncertainty_limit,"
                + " decision_rule, decision_rule_source, boundary_convention, outcome, conforms, budget_csv,"
                + " air_density, rules_source, created_at" + (ordinal == null ? "" : ", ordinal") + ") values (1, "
                + certificate + ", 'conventional mass m_ct', 1000, 1000.00195, 0.00062, 'g', 2, '≈95 %', 0.0016,"
                + " 0.00053, 'GUARDED_ACCEPTANCE', 'ILAC-G8', 'on the limit conforms', 'CONFORMS', true, 'csv',"
                + (airDensity == null ? "null" : airDensity) + ", 'R 111-1', current_timestamp"
                + (ordinal == null ? "" : ", " + ordinal) + ")";
    }

    /** What the container does at startup: inject the data source, call the @PostConstruct method. */
    private void migrate() throws ReflectiveOperationException {
        DatabaseMigration migration = new DatabaseMigration();
        Field resource = DatabaseMigration.class.getDeclaredField("dataSource");
        resource.setAccessible(true);
        resource.set(migration, (DataSource) dataSource);
        migration.migrate();
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select lower(table_name) from information_schema.tables "
                        + "where table_schema = 'PUBLIC' order by 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static long insertBenchDevice(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into bench_device (code, name, protocol, host, port, "
                + "poll_command, poll_interval_ms, simulated, enabled) values ('BAL-01', '检定台 1', 'mt-sics', "
                + "'127.0.0.1', 4001, 'SI', 300, true, true)", Statement.RETURN_GENERATED_KEYS)) {
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertFrame(Connection c, long device, String linkSession, long sequence)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into device_frame (device_id, link_session, sequence, "
                + "received_at, raw_bytes, status, reading_value, reading_unit) "
                + "values (?, ?, ?, timestamp with time zone '2026-03-02 10:00:00+08:00', ?, 'STABLE', 20.010, 'kg')")) {
            s.setLong(1, device);
            s.setString(2, linkSession);
            s.setLong(3, sequence);
            s.setBytes(4, "S S     20.010 kg\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.executeUpdate();
        }
    }

    private static long count(Connection c, String fromWhere) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + fromWhere)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
