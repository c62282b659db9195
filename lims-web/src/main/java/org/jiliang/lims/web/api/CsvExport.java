package org.jiliang.lims.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A list exported as CSV (issue 11: every list exports what it shows), in the form of the frames' export
 * ({@link FrameCsv}: UTF-8 with a byte order mark, CRLF, formula-like cells defused): the rows read a page at a time
 * from the list's service and streamed, the first page read before the answer starts so that a refusal (the
 * caller's role, a filter) is a problem, not a broken download.
 */
final class CsvExport {

    /** Reads rows {@code first} to {@code first + max}. */
    @FunctionalInterface
    interface Pages<T> {
        List<T> read(int first, int max);
    }

    /** The cells of a row, in the header's order, each already a CSV cell ({@link FrameCsv#text}). */
    @FunctionalInterface
    interface Cells<T> {
        List<String> of(T row);
    }

    private CsvExport() {
    }

    static <T> Response of(String fileName, String header, int pageSize, Pages<T> pages, Cells<T> cells) {
        List<T> first = pages.read(0, pageSize);
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            writer.write(header);
            writer.write("\r\n");
            List<T> page = first;
            int read = 0;
            while (true) {
                for (T row : page) {
                    write(writer, cells.of(row));
                }
                read += page.size();
                if (page.size() < pageSize) {
                    break;
                }
                page = pages.read(read, pageSize);
            }
            writer.flush();
        };
        return Response.ok(body, FrameCsv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private static void write(BufferedWriter writer, List<String> cells) throws IOException {
        writer.write(String.join(",", cells));
        writer.write("\r\n");
    }
}
