package org.jiliang.instrument.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import org.jiliang.instrument.reading.Answered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class DeviceJournalTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00.123456Z");

    @TempDir
    Path dir;

    @Test
    void numbersFramesFromOneAndKeepsRawBytesByteForByteAcrossARestart() throws IOException {
        byte[] garbled = {'#', '@', 0x00, (byte) 0xFF, '\t', '\r', '\n'};
        try (DeviceJournal journal = DeviceJournal.open(dir, "BAL-1", 0)) {
            JournalEntry first = journal.append(T0, bytes("S S     100.0000 g\r\n"), "STABLE",
                    new BigDecimal("100.0000"), "g", null);
            JournalEntry second = journal.append(T0.plusMillis(200), garbled, "MALFORMED", null, null,
                    "not an MT-SICS response: « # » 温度");
            assertThat(first.sequence()).isEqualTo(1);
            assertThat(second.sequence()).isEqualTo(2);
        }
        try (DeviceJournal reopened = DeviceJournal.open(dir, "BAL-1", 0)) {
            List<JournalEntry> pending = reopened.pending(10);
            assertThat(pending).extracting(JournalEntry::sequence).containsExactly(1L, 2L);
            assertThat(pending.get(0).raw()).isEqualTo(bytes("S S     100.0000 g\r\n"));
            assertThat(pending.get(0).value()).isEqualByComparingTo("100.0000");
            assertThat(pending.get(0).value().scale()).isEqualTo(4);
            assertThat(pending.get(0).receivedAt()).isEqualTo(T0);
            assertThat(pending.get(1).raw()).isEqualTo(garbled);
            assertThat(pending.get(1).rejectReason()).isEqualTo("not an MT-SICS response: « # » 温度");
            assertThat(reopened.problems()).isEmpty();
        }
    }

    @Test
    void whatAFrameAnswersIsJournaledWithItAndALineWrittenBeforeHasNoAnswer() throws IOException {
        Answered read = new Answered("READ?", "RES", List.of(), false);
        Answered flagged = new Answered("MEAS:VOLT:DC? 1,2,3", null,
                List.of("-108,\"Parameter not allowed\"", "-224,\"Illegal parameter value;ten\""), false);
        Answered late = new Answered("READ?", "VOLT:DC", List.of(), true);
        try (DeviceJournal journal = DeviceJournal.open(dir, "DMM-1", 0)) {
            journal.append(T0, bytes("1000.2\n"), "STABLE", new BigDecimal("1000.2"), "Ω", null, read);
            journal.append(T0, bytes("0.5\n"), "DEVICE_ERROR", new BigDecimal("0.5"), "V", "queued", flagged);
            journal.append(T0, bytes("1\n"), "MALFORMED", null, null, "late answer", late);
            journal.append(T0, bytes("ACME,DMM,1,2\n"), "IDENTITY", null, null, null, null);
        }
        String before = new JournalEntry("DMM-1", 5, T0, bytes("0,\"No error\"\n"), "DEVICE_ANSWER", null, null, null)
                .toLine();
        assertThat(before.split("\t")).as("sequence ... reason and the CRC: as journals were written before").hasSize(8);
        Files.writeString(dir.resolve("DMM-1.journal"), before, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        try (DeviceJournal reopened = DeviceJournal.open(dir, "DMM-1", 0)) {
            assertThat(reopened.pending(10)).extracting(JournalEntry::answered)
                    .containsExactly(read, flagged, late, null, null);
            assertThat(reopened.problems()).isEmpty();
        }
    }

    @Test
    void sequenceContinuesAfterARestartEvenWhenEverythingWasAcknowledged() throws IOException {
        try (DeviceJournal journal = DeviceJournal.open(dir, "BAL-1", 0)) {
            append(journal, 5);
            journal.acknowledge(5);
            assertThat(journal.pendingCount()).isZero();
        }
        try (DeviceJournal reopened = DeviceJournal.open(dir, "BAL-1", 0)) {
            assertThat(reopened.pendingCount()).isZero();
            assertThat(append(reopened, 1).sequence()).isEqualTo(6);
        }
    }

    @Test
    void aLostJournalNeverReusesASequenceTheServerHolds() throws IOException {
        try (DeviceJournal fresh = DeviceJournal.open(dir, "BAL-1", 41)) {
            assertThat(append(fresh, 1).sequence()).isEqualTo(42);
        }
    }

    @Test
    void aTornLastLineIsKeptAsideAndReportedAndItsNumberIsNotSkipped() throws IOException {
        try (DeviceJournal journal = DeviceJournal.open(dir, "BAL-1", 0)) {
            append(journal, 3);
        }
        // A power cut in the middle of the fourth line: no CRC, no line end.
        byte[] torn = bytes("4\t2026-11-26T08:00:01Z\tSTABLE\t1.0\tZw==\tUyBTICAx");
        Files.write(dir.resolve("BAL-1.journal"), torn, StandardOpenOption.APPEND);

        try (DeviceJournal reopened = DeviceJournal.open(dir, "BAL-1", 0)) {
            assertThat(reopened.problems()).singleElement().asString().contains("line 4", "torn write", "BAL-1.damaged");
            assertThat(Files.readAllBytes(dir.resolve("BAL-1.damaged"))).startsWith(torn);
            assertThat(reopened.pending(10)).extracting(JournalEntry::sequence).containsExactly(1L, 2L, 3L);
            // The torn frame was never forced to disk, so never forwarded: its number is free.
            assertThat(append(reopened, 1).sequence()).isEqualTo(4);
        }
        try (DeviceJournal again = DeviceJournal.open(dir, "BAL-1", 0)) {
            assertThat(again.problems()).as("the journal itself is clean again").isEmpty();
            assertThat(again.pending(10)).extracting(JournalEntry::sequence).containsExactly(1L, 2L, 3L, 4L);
        }
    }

    @Test
    void aDamagedLineInTheMiddleIsReportedAndTheOthersSurvive() throws IOException {
        try (DeviceJournal journal = DeviceJournal.open(dir, "BAL-1", 0)) {
            append(journal, 3);
        }
        Path file = dir.resolve("BAL-1.journal");
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        lines.set(1, lines.get(1).replace("STABLE", "STABLF"));
        Files.write(file, lines, StandardCharsets.US_ASCII);

        try (DeviceJournal reopened = DeviceJournal.open(dir, "BAL-1", 0)) {
            assertThat(reopened.problems()).singleElement().asString().contains("line 2", "CRC");
            assertThat(Files.readString(dir.resolve("BAL-1.damaged"))).contains("STABLF");
            assertThat(reopened.pending(10)).extracting(JournalEntry::sequence).containsExactly(1L, 3L);
            assertThat(append(reopened, 1).sequence()).isEqualTo(4);
        }
    }

    @Test
    void acknowledgedEntriesLeaveThePendingListAndThenTheFile() throws IOException {
        Path file = dir.resolve("BAL-1.journal");
        try (DeviceJournal journal = DeviceJournal.open(dir, "BAL-1", 0)) {
            append(journal, 1500);
            journal.acknowledge(200);
            assertThat(journal.pending(1)).extracting(JournalEntry::sequence).containsExactly(201L);
            assertThat(Files.readAllLines(file)).as("few acknowledged lines stay until they are many").hasSize(1500);

            journal.acknowledge(1200);
            assertThat(journal.pendingCount()).isEqualTo(300);
            assertThat(Files.readAllLines(file)).hasSize(300);
            assertThat(append(journal, 1).sequence()).isEqualTo(1501);
        }
        try (DeviceJournal reopened = DeviceJournal.open(dir, "BAL-1", 0)) {
            assertThat(reopened.pendingCount()).isEqualTo(301);
            assertThat(reopened.pending(1)).extracting(JournalEntry::sequence).containsExactly(1201L);
            assertThat(reopened.acknowledged()).isEqualTo(1200);
        }
    }

    @Test
    void anAcknowledgementBeyondTheJournalIsCappedAtItsLastEntry() throws IOException {
        try (DeviceJournal journal = DeviceJournal.open(dir, "BAL-1", 0)) {
            append(journal, 3);
            journal.acknowledge(99);
            assertThat(journal.acknowledged()).isEqualTo(3);
            assertThat(append(journal, 1).sequence()).isEqualTo(4);
            assertThat(journal.pending(10)).extracting(JournalEntry::sequence).containsExactly(4L);
        }
    }

    @Test
    void aQuarantinedFrameKeepsItsJournalLineUnchangedBesideTheServersReason() throws IOException {
        Path file = dir.resolve("BAL-1.journal");
        try (DeviceJournal journal = DeviceJournal.open(dir, "BAL-1", 0)) {
            append(journal, 3);
            String second = Files.readAllLines(file, StandardCharsets.US_ASCII).get(1);
            journal.quarantine(journal.pending(3).get(1), "Frame 2 of BAL-1 is stamped in the future\r\n(clock)",
                    Instant.parse("2026-11-30T09:00:00Z"));
            journal.acknowledge(2);

            List<String> quarantine = Files.readAllLines(dir.resolve("BAL-1.quarantine"), StandardCharsets.UTF_8);
            assertThat(quarantine).containsExactly("# 2026-11-30T09:00:00Z refused by the server: Frame 2 of BAL-1 is"
                    + " stamped in the future (clock)", second);
            assertThat(journal.quarantined()).isEqualTo(1);
            assertThat(journal.pending(10)).extracting(JournalEntry::sequence).containsExactly(3L);
        }
    }

    @Test
    void anOverlongDamagedLineIsMovedAsideByteForByte() throws IOException {
        try (DeviceJournal journal = DeviceJournal.open(dir, "BAL-1", 0)) {
            append(journal, 1);
        }
        byte[] garbage = new byte[200_000];
        java.util.Arrays.fill(garbage, (byte) 'x');
        garbage[garbage.length - 1] = '\n';
        Files.write(dir.resolve("BAL-1.journal"), garbage, StandardOpenOption.APPEND);
        try (DeviceJournal journal = DeviceJournal.open(dir, "BAL-1", 0)) {
            append(journal, 1);
        }
        try (DeviceJournal reopened = DeviceJournal.open(dir, "BAL-1", 0)) {
            assertThat(Files.readAllBytes(dir.resolve("BAL-1.damaged"))).isEqualTo(garbage);
            assertThat(reopened.pending(10)).extracting(JournalEntry::sequence).containsExactly(1L, 2L);
            assertThat(reopened.problems()).isEmpty();
        }
    }

    @Test
    void theCapCountsTheUnsentFramesOnlyAndRoomComesBackBelowNinetyPercent() throws IOException {
        try (DeviceJournal journal = DeviceJournal.open(dir, "BAL-1", 0, 1000)) {
            while (!journal.full()) {
                append(journal, 1);
            }
            long last = journal.lastSequence();
            assertThat(journal.pendingBytes()).isBetween(1000L, 1100L);
            long acknowledged = 0;
            while (journal.full()) {
                journal.acknowledge(++acknowledged);
            }
            assertThat(journal.pendingBytes()).isLessThan(1000);
            while (!journal.roomAgain()) {
                assertThat(journal.pendingBytes()).isGreaterThanOrEqualTo(900);
                journal.acknowledge(++acknowledged);
            }
            assertThat(journal.pendingBytes()).isLessThan(900);
            assertThat(journal.pending(100)).extracting(JournalEntry::sequence)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(acknowledged + 1, last).boxed().toList());
        }
    }

    @Test
    void twoAgentsCannotShareAJournal() throws IOException {
        try (BenchJournal first = BenchJournal.open(dir)) {
            assertThatThrownBy(() -> BenchJournal.open(dir)).isInstanceOf(IOException.class)
                    .hasMessageContaining("in use by another bench agent");
            assertThat(first.directory()).isEqualTo(dir);
        }
    }

    @Test
    void aDeviceCodeThatIsNoFileNameIsRefused() {
        assertThatThrownBy(() -> DeviceJournal.open(dir, "../etc", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static JournalEntry append(DeviceJournal journal, int count) throws IOException {
        JournalEntry last = null;
        for (int i = 0; i < count; i++) {
            long next = journal.lastSequence() + 1;
            last = journal.append(T0.plusMillis(next), bytes("S S " + next + " g\r\n"), "STABLE",
                    BigDecimal.valueOf(next), "g", null);
        }
        return last;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
