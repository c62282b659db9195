package org.jiliang.lims.web.api;

import java.time.DateTimeException;
import java.time.Instant;
import org.jiliang.lims.bench.FrameFilter;
import org.jiliang.lims.platform.RefusedException;

/**
 * The query parameters of the frame endpoints, taken as text and checked here so that every wrong one is a
 * 400 problem that names the parameter and says what it takes (JAX-RS itself would answer 404 for a query
 * parameter that is not a number).
 */
final class FrameQueryParams {

    private FrameQueryParams() {
    }

    static FrameFilter filter(String from, String to, String status, String session) {
        try {
            return new FrameFilter(instant("from", from), instant("to", to), status, session);
        } catch (RefusedException e) {
            throw new InvalidInputException(400, e.messageKey(), e.arguments());
        }
    }

    static int limit(String limit) {
        try {
            return FrameFilter.limit(limit == null || limit.isBlank() ? null : (int) number("limit", limit));
        } catch (RefusedException e) {
            throw new InvalidInputException(400, e.messageKey(), e.arguments());
        }
    }

    /** The id to page from: none (the first page) or a whole number ≥ 0. */
    static Long after(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        long value = number("after", after);
        if (value < 0) {
            throw new InvalidInputException(400, "error.frames.after", after);
        }
        return value;
    }

    static long positive(String name, String value) {
        long n = number(name, value);
        if (n < 1) {
            throw new InvalidInputException(400, "error.frames.number", name, abbreviated(value));
        }
        return n;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException(400, "error.frames.instant", name, abbreviated(value));
        }
    }

    private static long number(String name, String value) {
        try {
            long n = Long.parseLong(value.strip());
            if (name.equals("limit") && (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE)) {
                throw new InvalidInputException(400, "error.frames.limit", abbreviated(value),
                        String.valueOf(FrameFilter.MAX_LIMIT));
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(400, "error.frames.number", name, abbreviated(value));
        }
    }

    /** A query parameter's value as a refusal quotes it: at most 40 characters. */
    static String abbreviated(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
