package org.jiliang.instrument.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Reads a journal file line by line with a buffer of its own size, so that a journal of any length
 * is read in bounded memory. A line longer than the limit (only damage makes one) is not held: its
 * bytes go, as they are read, to the sink the caller names, and it is reported as overlong.
 */
final class JournalLines {

    /** One line: its bytes without the LF; {@code length} counts what it took in the file, LF included. */
    record Line(byte[] bytes, boolean complete, boolean overlong, long length) {
    }

    private final InputStream in;
    private final int maxLine;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];

    JournalLines(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /**
     * The next line, or {@code null} at the end of the file.
     *
     * @param overflow where an overlong line's bytes go (asked for only when one occurs)
     */
    Line next(Supplier<OutputStream> overflow) throws IOException {
        int length = 0;
        long consumed = 0;
        OutputStream spill = null;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (consumed == 0) {
                        return null;
                    }
                    return spill != null ? new Line(new byte[0], false, true, consumed)
                            : new Line(Arrays.copyOf(line, length), false, false, consumed);
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int count = position - start;
            boolean ends = position < limit;
            if (ends) {
                position++; // the LF
            }
            consumed += count + (ends ? 1 : 0);
            if (spill == null && length + count > maxLine) {
                spill = overflow.get();
                spill.write(line, 0, length);
            }
            if (spill != null) {
                spill.write(buffer, start, count + (ends ? 1 : 0));
            } else {
                if (length + count > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
                }
                System.arraycopy(buffer, start, line, length, count);
                length += count;
            }
            if (ends) {
                return spill != null ? new Line(new byte[0], true, true, consumed)
                        : new Line(Arrays.copyOf(line, length), true, false, consumed);
            }
        }
    }
}
