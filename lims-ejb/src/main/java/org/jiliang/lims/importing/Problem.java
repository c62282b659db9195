package org.jiliang.lims.importing;

import java.util.List;

/**
 * One problem of an import file: its row as the spreadsheet numbers it (1 is the heading), the column (null for
 * the row as a whole), and the message (a key of the messages bundle with its arguments).
 */
public record Problem(int row, String column, String key, List<String> arguments) {

    public Problem {
        arguments = List.copyOf(arguments);
    }

    static Problem of(int row, ImportColumn column, String key, Object... arguments) {
        return new Problem(row, column == null ? null : column.columnName(), key,
                java.util.Arrays.stream(arguments).map(String::valueOf).toList());
    }
}
