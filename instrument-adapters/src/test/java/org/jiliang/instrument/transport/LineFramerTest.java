package org.jiliang.instrument.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LineFramerTest {

    @Test
    void cutsACompleteLineKeepingItsCrLf() {
        LineFramer framer = new LineFramer(256);

        framer.feed(ascii("S S     100.00 g\r\n"));

        assertThat(frames(framer)).containsExactly("S S     100.00 g\r\n");
        assertThat(framer.pendingBytes()).isZero();
    }

    @Test
    void joinsALineSplitAcrossReads() {
        LineFramer framer = new LineFramer(256);

        framer.feed(ascii("S S    "));
        assertThat(framer.hasFrame()).isFalse();
        framer.feed(ascii(" 100.00 g\r"));
        assertThat(framer.hasFrame()).isFalse();
        framer.feed(ascii("\n"));

        assertThat(frames(framer)).containsExactly("S S     100.00 g\r\n");
    }

    @Test
    void assemblesBytesDrippingOneAtATime() {
        LineFramer framer = new LineFramer(256);
        byte[] stream = ascii("Z A\r\nI4 A \"B207696838\"\r\n");

        for (byte b : stream) {
            framer.feed(new byte[] {b});
        }

        assertThat(frames(framer)).containsExactly("Z A\r\n", "I4 A \"B207696838\"\r\n");
    }

    @Test
    void separatesSeveralLinesArrivingInOneRead() {
        LineFramer framer = new LineFramer(256);

        framer.feed(ascii("C B\r\nC A\r\nS S"));

        assertThat(frames(framer)).containsExactly("C B\r\n", "C A\r\n");
        assertThat(framer.pendingBytes()).isEqualTo(3);
    }

    @Test
    void acceptsABareLfAsTerminator() {
        LineFramer framer = new LineFramer(256);

        framer.feed(ascii("S S 1.00 g\nS D 2.00 g\r\n"));

        assertThat(frames(framer)).containsExactly("S S 1.00 g\n", "S D 2.00 g\r\n");
    }

    @Test
    void handsOutAnOverlongLineInPiecesOfTheMaximumKeepingEveryByte() {
        LineFramer framer = new LineFramer(8);

        framer.feed(ascii("0123456789ABCDEF\r\nZ A\r\n"));

        assertThat(framesWithProblems(framer)).containsExactly(
                "01234567|part 1 of a line longer than 8 bytes: no terminator within the limit",
                "89ABCDEF|part 2 of a line longer than 8 bytes: no terminator within the limit",
                "\r\n|part 3, the last, of a line longer than 8 bytes",
                "Z A\r\n|null");
    }

    @Test
    void acceptsALineOfExactlyTheMaximumLengthAndCutsALongerOneWithoutLoss() {
        LineFramer framer = new LineFramer(5);

        framer.feed(ascii("Z A\r\nTAC A\r\n"));

        assertThat(frames(framer)).containsExactly("Z A\r\n", "TAC A", "\r\n");
    }

    @Test
    void theFramesOfALongLineArrivingInAnyChunksAreExactlyTheBytesReceived() {
        byte[] stream = new byte[10_000 + 2 + 18];
        for (int i = 0; i < 10_000; i++) {
            stream[i] = (byte) ('0' + i % 10);
        }
        System.arraycopy(ascii("\r\nS S     100.00 g\r\n"), 0, stream, 10_000, 20);
        java.util.Random random = new java.util.Random(9);
        for (int max : new int[] {256, 4096, TcpLink.DEFAULT_MAX_FRAME_LENGTH}) {
            LineFramer framer = new LineFramer(max);
            java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
            int fed = 0;
            while (fed < stream.length) {
                int chunk = Math.min(stream.length - fed, 1 + random.nextInt(700));
                framer.feed(stream, fed, chunk);
                fed += chunk;
                for (var frame = framer.nextFrame(); frame.isPresent(); frame = framer.nextFrame()) {
                    assertThat(frame.get().length).isLessThanOrEqualTo(max);
                    joined.writeBytes(frame.get());
                }
            }
            assertThat(joined.toByteArray()).as("frames at a limit of %d bytes", max).isEqualTo(stream);
        }
    }

    @Test
    void theDefaultLimitHoldsSixteenKibibytes() {
        assertThat(TcpLink.DEFAULT_MAX_FRAME_LENGTH).isEqualTo(16_384);
    }

    @Test
    void cutsAtAnotherTerminatorWhenToldTo() {
        LineFramer framer = new LineFramer(256, LineFramer.CR);

        framer.feed(ascii("SEND\rINTV 5 s\r\nR"));

        assertThat(frames(framer)).containsExactly("SEND\r", "INTV 5 s\r");
        assertThat(framer.pendingBytes()).isEqualTo(2);
    }

    @Test
    void handsOverTheBytesOfAnUnfinishedLine() {
        LineFramer framer = new LineFramer(256);
        framer.feed(ascii("S S 1.00 g\r\nS S  "));

        assertThat(framer.takePending()).isEqualTo(ascii("S S  "));
        assertThat(framer.pendingBytes()).isZero();
        assertThat(frames(framer)).containsExactly("S S 1.00 g\r\n");
    }

    private static List<String> frames(LineFramer framer) {
        List<String> frames = new ArrayList<>();
        for (var frame = framer.nextFrame(); frame.isPresent(); frame = framer.nextFrame()) {
            frames.add(new String(frame.get(), StandardCharsets.US_ASCII));
        }
        return frames;
    }

    private static List<String> framesWithProblems(LineFramer framer) {
        List<String> frames = new ArrayList<>();
        for (var frame = framer.nextFrame(); frame.isPresent(); frame = framer.nextFrame()) {
            frames.add(new String(frame.get(), StandardCharsets.US_ASCII) + "|" + framer.lastFrameProblem());
        }
        return frames;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
