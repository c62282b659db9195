package org.jiliang.reports.letter;

import java.util.List;

/**
 * A letter as finished text: the institute, the title, the addressee and their address, the date, the text, the
 * table's column headings (instrument, serial number, asset number, site, due date) and rows, and the closing.
 */
public record LetterDocument(String institute, String title, String recipient, String recipientAddress, String date,
        String text, List<String> headings, List<LetterLine> lines, String closing) {

    public LetterDocument {
        if (headings.size() != 5) {
            throw new IllegalArgumentException("a letter's table has 5 headings, not " + headings.size());
        }
        lines = List.copyOf(lines);
        headings = List.copyOf(headings);
    }
}
