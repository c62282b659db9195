package org.jiliang.instrument.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.jiliang.instrument.scpi.ScpiErrors;

/**
 * The error queue of a simulated SCPI instrument (SCPI-99 §21.8): at most 20 entries {@code <code>,"<text>"}, oldest
 * first; when full, the last entry becomes −350 {@code Queue overflow} and newer errors are lost. Not thread-safe: the
 * simulator that owns it guards it.
 */
final class ScpiErrorQueue {

    static final int SIZE = 20;
    static final String NO_ERROR = "0,\"No error\"";

    private final Deque<String> entries = new ArrayDeque<>();

    void push(int code, String message) {
        if (entries.size() >= SIZE) {
            entries.pollLast();
            entries.add(ScpiErrors.QUEUE_OVERFLOW + ",\"Queue overflow\"");
            return;
        }
        entries.add(code + ",\"" + message + "\"");
    }

    /** {@code SYST:ERR?}: the oldest entry, taken out of the queue, or {@code 0,"No error"}. */
    String next() {
        String entry = entries.poll();
        return entry != null ? entry : NO_ERROR;
    }

    int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
    }

    List<String> entries() {
        return List.copyOf(entries);
    }
}
