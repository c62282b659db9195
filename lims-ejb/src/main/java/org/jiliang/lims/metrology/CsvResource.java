package org.jiliang.lims.metrology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small comma-separated data file on the class path, the form of every metrology table: '#' lines are
 * comments, a "# key: value" comment (source, edition, tag ...) is metadata, the first other line
 * names the columns. Values contain no commas or quotes.
 */
public final class CsvResource {

    private static final Pattern METADATA = Pattern.compile("#\\s*([a-z_]+)\\s*:\\s*(.+)");

    private final String name;
    private final Map<String, String> metadata;
    private final List<Row> rows;

    private CsvResource(String name, Map<String, String> metadata, List<Row> rows) {
        this.name = name;
        this.metadata = metadata;
        this.rows = rows;
    }

    public static CsvResource load(String name) {
        try (InputStream in = CsvResource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Metrology data file not found on the class path: " + name);
            }
            return parse(name, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read metrology data file " + name, ex);
        }
    }

    private static CsvResource parse(String name, BufferedReader reader) throws IOException {
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
        return new CsvResource(name, Map.copyOf(metadata), List.copyOf(rows));
    }

    /** Refuses a file that lacks one of the given header comments. */
    public CsvResource requireMetadata(String... keys) {
        for (String key : keys) {
            metadata(key);
        }
        return this;
    }

    /** The value of a "# key: value" comment; continuation lines with the same key are joined. */
    public String metadata(String key) {
        String value = metadata.get(key);
        if (value == null) {
            throw new IllegalStateException(name + " lacks the header comment \"# " + key + ": ...\"");
        }
        return value;
    }

    public List<Row> rows() {
        return rows;
    }

    /** One data line, with typed access that names the file, line and column when a value is wrong. */
    public record Row(String file, int lineNumber, Map<String, String> values) {

        public String text(String column) {
            String value = values.get(column);
            if (value == null) {
                throw new IllegalStateException(file + " has no column \"" + column + "\"");
            }
            if (value.isEmpty()) {
                throw new IllegalStateException(file + " line " + lineNumber + ": " + column + " is blank");
            }
            return value;
        }

        public BigDecimal decimal(String column) {
            return parseDecimal(column, text(column));
        }

        /** A decimal, or null when the cell is blank (meaning "no bound"). */
        public BigDecimal decimalOrNull(String column) {
            if (!values.containsKey(column)) {
                throw new IllegalStateException(file + " has no column \"" + column + "\"");
            }
            String value = values.get(column);
            return value.isEmpty() ? null : parseDecimal(column, value);
        }

        public int integer(String column) {
            try {
                return Integer.parseInt(text(column));
            } catch (NumberFormatException ex) {
                throw new IllegalStateException(file + " line " + lineNumber + ": " + column + " \"" + text(column)
                        + "\" is not a whole number", ex);
            }
        }

        public LocalDate date(String column) {
            return parseDate(column, text(column));
        }

        /** A date, or null when the cell is blank. */
        public LocalDate dateOrNull(String column) {
            if (!values.containsKey(column)) {
                throw new IllegalStateException(file + " has no column \"" + column + "\"");
            }
            String value = values.get(column);
            return value.isEmpty() ? null : parseDate(column, value);
        }

        private LocalDate parseDate(String column, String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException ex) {
                throw new IllegalStateException(file + " line " + lineNumber + ": " + column + " \"" + value
                        + "\" is not an ISO date (yyyy-mm-dd)", ex);
            }
        }

        public <E extends Enum<E>> E constant(String column, Class<E> type) {
            String value = text(column);
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException ex) {
                throw new IllegalStateException(file + " line " + lineNumber + ": " + column + " \"" + value
                        + "\" is not one of " + Arrays.toString(type.getEnumConstants()), ex);
            }
        }

        private BigDecimal parseDecimal(String column, String value) {
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException ex) {
                throw new IllegalStateException(file + " line " + lineNumber + ": " + column + " \"" + value
                        + "\" is not a decimal number", ex);
            }
        }
    }
}
