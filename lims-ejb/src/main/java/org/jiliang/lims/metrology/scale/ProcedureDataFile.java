package org.jiliang.lims.metrology.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A procedure data file on the class path: '#' lines are comments, of which "# source: ..." and "# tag: ..." are
 * required (the header names the source and the tag legend); the first other line names the columns. Values
 * contain no commas.
 */
final class ProcedureDataFile {

    private static final Pattern METADATA = Pattern.compile("#\\s*(source|tag)\\s*:\\s*(.+)");

    private final String name;
    private final Map<String, String> metadata;
    private final List<Row> rows;

    private ProcedureDataFile(String name, Map<String, String> metadata, List<Row> rows) {
        this.name = name;
        this.metadata = metadata;
        this.rows = rows;
    }

    static ProcedureDataFile load(String name) {
        try (InputStream in = ProcedureDataFile.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Procedure data file not found on the class path: " + name);
            }
            return parse(name, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read procedure data file " + name, ex);
        }
    }

    private static ProcedureDataFile parse(String name, BufferedReader reader) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        List<String> columns = null;
        List<Row> rows = new ArrayList<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("#")) {
                Matcher m = METADATA.matcher(text);
                if (m.matches()) {
                    metadata.merge(m.group(1), m.group(2).strip(), (a, b) -> a + " " + b);
                }
                continue;
            }
            List<String> cells = Arrays.stream(text.split(",", -1)).map(String::strip).toList();
            if (columns == null) {
                columns = cells;
            } else if (cells.size() != columns.size()) {
                throw new IllegalStateException(name + " line " + lineNumber + ": expected " + columns.size()
                        + " values " + columns + ", found " + cells.size());
            } else {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    values.put(columns.get(i), cells.get(i));
                }
                rows.add(new Row(name, lineNumber, values));
            }
        }
        if (columns == null) {
            throw new IllegalStateException(name + " has no header line");
        }
        for (String key : List.of("source", "tag")) {
            if (!metadata.containsKey(key)) {
                throw new IllegalStateException(name + " lacks the header comment \"# " + key + ": ...\"");
            }
        }
        return new ProcedureDataFile(name, Map.copyOf(metadata), List.copyOf(rows));
    }

    /** The "# source: ..." header, continuation lines joined. */
    String source() {
        return metadata.get("source");
    }

    List<Row> rows() {
        return rows;
    }

    record Row(String file, int lineNumber, Map<String, String> values) {

        String text(String column) {
            String value = values.get(column);
            if (value == null) {
                throw new IllegalStateException(file + " has no column \"" + column + "\"");
            }
            if (value.isEmpty()) {
                throw new IllegalStateException(file + " line " + lineNumber + ": " + column + " is blank");
            }
            return value;
        }

        LocalDate date(String column) {
            return parseDate(column, text(column));
        }

        /** A date, or null when the cell is blank. */
        LocalDate dateOrNull(String column) {
            if (!values.containsKey(column)) {
                throw new IllegalStateException(file + " has no column \"" + column + "\"");
            }
            String value = values.get(column);
            return value.isEmpty() ? null : parseDate(column, value);
        }

        EvidenceTag tag(String column) {
            String value = text(column);
            try {
                return EvidenceTag.valueOf(value);
            } catch (IllegalArgumentException ex) {
                throw new IllegalStateException(file + " line " + lineNumber + ": " + column + " \"" + value
                        + "\" is not one of " + Arrays.toString(EvidenceTag.values()), ex);
            }
        }

        private LocalDate parseDate(String column, String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException ex) {
                throw new IllegalStateException(file + " line " + lineNumber + ": " + column + " \"" + value
                        + "\" is not an ISO date (yyyy-mm-dd)", ex);
            }
        }
    }
}
