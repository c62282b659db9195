package org.jiliang.lims.certificate;

import java.util.List;
import org.jiliang.reports.letter.LetterDocument;
import org.jiliang.reports.letter.LetterLine;
import org.jiliang.reports.letter.LetterRenderer;

/**
 * Printed letters other features send (issue 12: recall letters): the reports module renders them; the rest of the
 * application reaches it here only (architecture rule 4).
 */
public final class Letters {

    /** One row of a letter's table: instrument, serial number, asset number, site, due date, as text. */
    public record Row(String instrument, String serialNumber, String assetNumber, String site, String due) {
    }

    /** A letter in words: institute, title, addressee and address, date, text, five headings, rows, closing. */
    public record Letter(String institute, String title, String recipient, String recipientAddress, String date,
            String text, List<String> headings, List<Row> rows, String closing) {
    }

    private Letters() {
    }

    /** The letter as a PDF (A4, every font embedded). */
    public static byte[] pdf(Letter letter) {
        return Renderer.INSTANCE.renderPdf(new LetterDocument(letter.institute(), letter.title(), letter.recipient(),
                letter.recipientAddress(), letter.date(), letter.text(), letter.headings(), letter.rows().stream()
                        .map(r -> new LetterLine(r.instrument(), r.serialNumber(), r.assetNumber(), r.site(), r.due()))
                        .toList(), letter.closing()));
    }

    /** Loads the template once, on first use. */
    private static final class Renderer {
        static final LetterRenderer INSTANCE = new LetterRenderer();
    }
}
