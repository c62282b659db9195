package org.jiliang.lims.metrology.weight;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comma-separated data file of the weight tables on the class path, in the format of the other metrology tables:
 * '#' lines are comments, "# source: ..." and "# edition: ..." lines are metadata, the first other line names the
 * columns.
 */
final class WeightDataFile {

    private static final Pattern METADATA = Pattern.compile("#\\s*(source|edition)\\s*:\\s*(.+)");

    private final String name;
    private final Map<String, String> metadata;
    private final List<String> columns;
    private final List<Row> rows;

    private WeightDataFile(String name, Map<String, String> metadata, List<String> columns, List<Row> rows) {
        this.name = name;
        this.metadata = metadata;
        this.columns = columns;
        this.rows = rows;
    }

    static WeightDataFile load(String name) {
        try (InputStream in = WeightDataFile.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Metrology data file not found on the class path: " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
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
            return new WeightDataFile(name, Map.copyOf(metadata), columns, List.copyOf(rows));
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read metrology data file " + name, ex);
        }
    }

    String metadata(String key) {
        String value = metadata.get(key);
        if (value == null) {
            throw new IllegalStateException(name + " lacks the header comment \"# " + key + ": ...\"");
        }
        return value;
    }

    List<String> columns() {
        return columns;
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

        /** A decimal, or null when the cell is blank. */
        BigDecimal decimalOrNull(String column) {
            if (!values.containsKey(column)) {
                throw new IllegalStateException(file + " has no column \"" + column + "\"");
            }
            String value = values.get(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException ex) {
                throw new IllegalStateException(file + " line " + lineNumber + ": " + column + " \"" + value
                        + "\" is not a decimal number", ex);
            }
        }

        int integer(String column) {
            try {
                return Integer.parseInt(text(column));
            } catch (NumberFormatException ex) {
                throw new IllegalStateException(file + " line " + lineNumber + ": " + column + " \"" + text(column)
                        + "\" is not a whole number", ex);
            }
        }
    }
}
