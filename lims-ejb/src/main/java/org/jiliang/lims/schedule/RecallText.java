package org.jiliang.lims.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jiliang.lims.platform.Messages;

/** The words of a recall e-mail, in Chinese and then English, from the bundles (recall.*). */
final class RecallText {

    private static final Locale ZH = Messages.DEFAULT_LOCALE;
    private static final Locale EN = Locale.ENGLISH;

    private RecallText() {
    }

    static String subject(RecallKind kind, String owner) {
        return Messages.format(ZH, "recall.subject." + kind, owner) + " / "
                + Messages.format(EN, "recall.subject." + kind, owner);
    }

    static String body(RecallKind kind, String owner, LocalDate day, List<RecallLetters.Line> lines,
            org.jiliang.lims.platform.Institute institute) {
        StringBuilder b = new StringBuilder();
        for (Locale locale : new Locale[] {ZH, EN}) {
            b.append(Messages.format(locale, "recall.body." + kind, owner, day, lines.size())).append("\n\n");
            for (RecallLetters.Line l : lines) {
                b.append("  - ").append(Messages.format(locale, "recall.line", l.description(), l.manufacturer(),
                        l.model(), l.serialNumber(), l.assetNumber() == null ? "—" : l.assetNumber(),
                        l.site() == null ? "—" : l.site(), l.dueDate())).append('\n');
            }
            b.append('\n').append(Messages.format(locale, "recall.closing",
                    locale == ZH ? institute.nameZh() : institute.nameEn())).append("\n\n");
        }
        return b.toString();
    }

    /** The printed letter: the same words as the e-mail, the instruments as a table. */
    static org.jiliang.lims.certificate.Letters.Letter letter(RecallKind kind, String owner, String address,
            LocalDate day, List<RecallLetters.Line> lines, org.jiliang.lims.platform.Institute institute) {
        List<String> headings = java.util.stream.Stream.of("instrument", "serial", "asset", "site", "due")
                .map(h -> Messages.format(ZH, "recall.heading." + h) + "\n" + Messages.format(EN, "recall.heading." + h))
                .toList();
        List<org.jiliang.lims.certificate.Letters.Row> rows = lines.stream().map(l -> new org.jiliang.lims.certificate.Letters.Row(
                l.description() + " " + l.manufacturer() + " " + l.model(), l.serialNumber(),
                l.assetNumber() == null ? "" : l.assetNumber(), l.site() == null ? "" : l.site(),
                String.valueOf(l.dueDate()))).toList();
        return new org.jiliang.lims.certificate.Letters.Letter(institute.nameZh() + "\n" + institute.nameEn(),
                Messages.format(ZH, "recall.title." + kind) + "\n" + Messages.format(EN, "recall.title." + kind),
                owner, address, day.toString(),
                Messages.format(ZH, "recall.body." + kind, owner, day, lines.size()) + "\n\n"
                        + Messages.format(EN, "recall.body." + kind, owner, day, lines.size()),
                headings, rows, Messages.format(ZH, "recall.closing", institute.nameZh()) + "\n"
                        + Messages.format(EN, "recall.closing", institute.nameEn()));
    }
}
