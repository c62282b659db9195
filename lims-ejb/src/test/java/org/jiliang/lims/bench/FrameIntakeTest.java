package org.jiliang.lims.bench;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jiliang.lims.bench.DeviceFrameService.IncomingFrame;
import org.junit.jupiter.api.Test;

/**
 * What the intake does when the database refuses a batch: nothing is lost. The database here is a
 * stand-in that refuses what a real one refuses (a value or unit its columns cannot take) and keeps
 * the rest in order; the real insert is covered by the integration tests.
 */
class FrameIntakeTest {

    @Test
    void aFrameTheRecordRefusesEvenAloneIsKeptAsMalformedWithItsBytesAndTheFailure() throws Exception {
        Database db = new Database();
        FrameIntake intake = intakeOn(db);
        IncomingFrame good1 = frame(1, "5.00", "g");
        IncomingFrame refused = frame(2, "5.01", "g\u00e9\u00e9\u00e9"); // a unit the column cannot take
        IncomingFrame good3 = frame(3, "5.02", "g");

        intake.store(List.of(good1, refused, good3));

        assertThat(db.stored).extracting(IncomingFrame::sequence).as("the sequence has no gap").containsExactly(1L, 2L, 3L);
        IncomingFrame kept = db.stored.get(1);
        assertThat(kept.status()).isEqualTo("MALFORMED");
        assertThat(kept.value()).isNull();
        assertThat(kept.unit()).isNull();
        assertThat(kept.rawBytes()).isEqualTo(refused.rawBytes());
        assertThat(kept.receivedAt()).isEqualTo(refused.receivedAt());
        assertThat(kept.rejectReason()).startsWith("not stored as read (PersistenceException: value too long for")
                .endsWith("kept without its value").doesNotContain("\u0000");
        assertThat(db.stored.get(0).value()).isEqualTo(new BigDecimal("5.00"));
        assertThat(db.stored.get(2).status()).isEqualTo("STABLE");
    }

    private static FrameIntake intakeOn(DeviceFrameService db) throws ReflectiveOperationException {
        FrameIntake intake = new FrameIntake();
        Field frames = FrameIntake.class.getDeclaredField("frames");
        frames.setAccessible(true);
        frames.set(intake, db);
        return intake;
    }

    private static IncomingFrame frame(long sequence, String value, String unit) {
        String line = "S S " + value + " " + unit + "\r\n";
        return new IncomingFrame("BAL-1", "session-1", sequence, Instant.parse("2026-12-04T03:00:00Z").plusSeconds(sequence),
                line.getBytes(StandardCharsets.UTF_8), "STABLE", new BigDecimal(value), unit, null, line);
    }

    /** Takes a batch whole or not at all, as one transaction does; refuses a unit that is not ASCII. */
    private static final class Database extends DeviceFrameService {

        final List<IncomingFrame> stored = new ArrayList<>();

        @Override
        public List<Long> recordAll(List<IncomingFrame> batch) {
            batch.forEach(Database::check);
            batch.forEach(this::record);
            return List.of();
        }

        @Override
        public long record(IncomingFrame frame) {
            check(frame);
            stored.add(frame);
            return stored.size();
        }

        private static void check(IncomingFrame frame) {
            if (frame.unit() != null && !frame.unit().chars().allMatch(c -> c < 128)) {
                throw new PersistenceException("Storing 1 device frames failed",
                        new java.sql.SQLDataException("value too long for\u0000 column reading_unit"));
            }
        }
    }
}
