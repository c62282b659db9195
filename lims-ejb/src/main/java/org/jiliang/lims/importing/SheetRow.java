package org.jiliang.lims.importing;

import java.util.List;

/** One row of an import file as text cells, numbered as a spreadsheet shows it (the heading row is row 1). */
public record SheetRow(int number, List<String> cells) {

    /** The cell at an index, "" past the row's end; never null. */
    public String cell(int index) {
        if (index < 0 || index >= cells.size() || cells.get(index) == null) {
            return "";
        }
        return cells.get(index).strip();
    }

    public boolean blank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
