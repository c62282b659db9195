package org.jiliang.lims.web.api;

import java.io.IOException;
import java.io.Writer;
import org.jiliang.lims.bench.FrameView;

/**
 * Frames as CSV (RFC 4180): UTF-8 with a byte order mark so that Excel opens Chinese text as such, CRLF line
 * ends, a header row and a column per field of {@link FrameView} (the same names as the JSON, in snake case).
 * A text cell that a spreadsheet would take for a formula (it starts with = + - @ or a tab) gets a leading
 * apostrophe; numbers and instants never start so, except a negative value, which stays as it is.
 */
final class FrameCsv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    static final String HEADER = "id,device,link_session,sequence,received_at,server_received_at,status,value,unit,"
            + "reject_reason,length,raw_hex,raw_text";

    private final Writer out;

    FrameCsv(Writer out) throws IOException {
        this.out = out;
        out.write('\uFEFF');
        out.write(HEADER);
        out.write("\r\n");
    }

    void write(FrameView f) throws IOException {
        out.write(f.id() + "," + text(f.device()) + "," + text(f.linkSession()) + "," + f.sequence() + ","
                + f.receivedAt() + "," + f.serverReceivedAt() + "," + text(f.status()) + ","
                + (f.value() == null ? "" : f.value()) + "," + text(f.unit()) + "," + text(f.rejectReason()) + ","
                + f.length() + "," + f.rawHex() + "," + text(f.rawText()) + "\r\n");
    }

    /** A text cell: quoted when it holds a comma, quote or line end; defused when it looks like a formula. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String cell = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
