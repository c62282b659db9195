package org.jiliang.lims.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Someone with write access to the server's database who edits the audit trail behind the
 * application's back, with SQL only: knows the (public) hash formula of docs/audit-trail.md,
 * but not the anchor key. On PostgreSQL they act as the schema owner, who can switch the
 * append-only triggers off for the length of one transaction.
 */
final class TrailAttacker implements AutoCloseable {

    /** One row of audit_entry, as stored. */
    record Entry(long sequence, Instant recordedAt, String actor, String action, String recordType, String recordId,
            Long jobId, String oldValue, String newValue, String reason, String previousHash, String entryHash) {

        Entry withNewValue(String value) {
            return new Entry(sequence, recordedAt, actor, action, recordType, recordId, jobId, oldValue, value, reason,
                    previousHash, entryHash);
        }

        Entry linkedTo(String previous) {
            Entry e = new Entry(sequence, recordedAt, actor, action, recordType, recordId, jobId, oldValue, newValue,
                    reason, previous, null);
            return new Entry(sequence, recordedAt, actor, action, recordType, recordId, jobId, oldValue, newValue,
                    reason, previous, e.hash());
        }

        /** The unkeyed chain hash as docs/audit-trail.md states it: SHA-256 over the fields joined by U+001F. */
        String hash() {
            String canonical = String.join("\u001f", previousHash, Long.toString(sequence), recordedAt.toString(),
                    actor, action, recordType, recordId, Objects.toString(jobId, ""), Objects.toString(oldValue, "\u0000"),
                    Objects.toString(newValue, "\u0000"), Objects.toString(reason, "\u0000"));
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(canonical.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    interface Work {
        void run(Connection db) throws SQLException;
    }

    private final Connection db;
    private final boolean postgres;

    TrailAttacker() throws SQLException {
        db = ServerDatabase.connect();
        postgres = db.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }

    boolean postgres() {
        return postgres;
    }

    /** The database connection as the application's own database user, with no tricks. */
    Connection connection() {
        return db;
    }

    /**
     * One transaction as the schema owner: on PostgreSQL the user triggers of audit_entry are off
     * inside it (ALTER TABLE is transactional there, so nobody else ever sees them off).
     */
    void asOwner(Work work) throws SQLException {
        db.setAutoCommit(false);
        try {
            if (postgres) {
                execute("alter table audit_entry disable trigger user");
            }
            work.run(db);
            if (postgres) {
                execute("alter table audit_entry enable trigger user");
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    long lastSequence() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select max(sequence) from audit_entry")) {
            r.next();
            return r.getLong(1);
        }
    }

    List<Entry> entriesFrom(long first) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("select sequence, recorded_at, actor, action, record_type, "
                + "record_id, job_id, old_value, new_value, reason, previous_hash, entry_hash from audit_entry "
                + "where sequence >= ? order by sequence")) {
            s.setLong(1, first);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new Entry(r.getLong(1), r.getObject(2, OffsetDateTime.class).toInstant(),
                            r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getObject(7, Long.class),
                            r.getString(8), r.getString(9), r.getString(10), r.getString(11), r.getString(12)));
                }
            }
        }
        return entries;
    }

    /** Head row: last sequence and hash. */
    Object[] head() throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("select last_sequence, last_hash from audit_head where id = 1")) {
            r.next();
            return new Object[] {r.getLong(1), r.getString(2)};
        }
    }

    static void setHead(Connection db, long sequence, String hash) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("update audit_head set last_sequence = ?, last_hash = ? where id = 1")) {
            s.setLong(1, sequence);
            s.setString(2, hash);
            s.executeUpdate();
        }
    }

    static void delete(Connection db, long fromSequence) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("delete from audit_entry where sequence >= ?")) {
            s.setLong(1, fromSequence);
            s.executeUpdate();
        }
    }

    static void insert(Connection db, List<Entry> entries) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("insert into audit_entry (sequence, recorded_at, actor, action, "
                + "record_type, record_id, job_id, old_value, new_value, reason, previous_hash, entry_hash) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Entry e : entries) {
                s.setLong(1, e.sequence());
                s.setObject(2, e.recordedAt().atOffset(ZoneOffset.UTC));
                s.setString(3, e.actor());
                s.setString(4, e.action());
                s.setString(5, e.recordType());
                s.setString(6, e.recordId());
                s.setObject(7, e.jobId());
                s.setString(8, e.oldValue());
                s.setString(9, e.newValue());
                s.setString(10, e.reason());
                s.setString(11, e.previousHash());
                s.setString(12, e.entryHash());
                s.executeUpdate();
            }
        }
    }

    /** Writes the given entries over the stored ones (same sequence numbers). */
    static void overwrite(Connection db, List<Entry> entries) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "update audit_entry set new_value = ?, previous_hash = ?, entry_hash = ? where sequence = ?")) {
            for (Entry e : entries) {
                s.setString(1, e.newValue());
                s.setString(2, e.previousHash());
                s.setString(3, e.entryHash());
                s.setLong(4, e.sequence());
                if (s.executeUpdate() != 1) {
                    throw new IllegalStateException("entry " + e.sequence() + " is gone");
                }
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
