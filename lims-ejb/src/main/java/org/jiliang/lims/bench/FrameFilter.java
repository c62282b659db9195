package org.jiliang.lims.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jiliang.instrument.reading.ReadingStatus;
import org.jiliang.lims.platform.RefusedException;

/**
 * Which frames of a device to read back: received at or after {@code from} and before {@code to} (the
 * frame's own time stamp, half-open so that consecutive ranges neither overlap nor leave a gap), with a
 * status, of a link session; null means any. Checked where it is made.
 *
 * <p>A status is open text here: the acquisition adds new ones over time (identity checks, unexpected
 * units…), so the filter checks only its form; a well-formed status no frame has selects no frames.
 */
public record FrameFilter(Instant from, Instant to, String status, String linkSession) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /** The form of a stored status: capital letters, digits and underscores, as long as a column may hold. */
    private static final Pattern STATUS = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    /** device_frame.link_session is varchar(36). */
    static final int MAX_SESSION = 36;
    private static final Pattern SESSION = Pattern.compile("[\\x21-\\x7E]{1," + MAX_SESSION + "}");

    public static final FrameFilter NONE = new FrameFilter(null, null, null, null);

    public FrameFilter {
        status = blankToNull(status);
        linkSession = blankToNull(linkSession);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new RefusedException("error.frames.range", from.toString(), to.toString());
        }
        if (status != null && !STATUS.matcher(status).matches()) {
            throw new RefusedException("error.frames.status", abbreviated(status), String.join(", ", knownStatuses()));
        }
        if (linkSession != null && !SESSION.matcher(linkSession).matches()) {
            throw new RefusedException("error.frames.session", abbreviated(linkSession), String.valueOf(MAX_SESSION));
        }
    }

    /** The page size asked for, or the default; refused outside 1..{@value #MAX_LIMIT}. */
    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new RefusedException("error.frames.limit", String.valueOf(limit), String.valueOf(MAX_LIMIT));
        }
        return limit;
    }

    /** The statuses the acquisition is known to store today, named in the refusal of a malformed one. */
    public static List<String> knownStatuses() {
        List<String> known = new ArrayList<>();
        for (ReadingStatus s : ReadingStatus.values()) {
            known.add(s.name());
        }
        known.add(DeviceFrameService.QUARANTINED);
        return known;
    }

    /** How the filter is written into the audit trail and shown back. */
    public String describe() {
        return "from=" + (from == null ? "" : from) + ", to=" + (to == null ? "" : to) + ", status="
                + (status == null ? "" : status) + ", session=" + (linkSession == null ? "" : linkSession);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviated(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
