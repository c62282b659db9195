package org.jiliang.reports.letter;

/** One row of a letter's table, as finished text. */
public record LetterLine(String instrument, String serialNumber, String assetNumber, String site, String due) {
}
