package org.jiliang.reports.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class LetterRendererTest {

    private static LetterDocument letter(int rows) {
        List<LetterLine> lines = IntStream.rangeClosed(1, rows).mapToObj(i -> new LetterLine("电子计价秤 凯丰衡器 ACS-30",
                "SN-" + i, "摊位-" + i, "北湖市场 A 区", "2027-03-01")).toList();
        return new LetterDocument("江海市计量检定测试院", "计量器具检定到期提醒\nVerification recall", "北湖农贸市场",
                "江海市北湖路 8 号", "2027-01-30", "贵单位以下计量器具即将到期。\nThe following instruments are due soon.",
                List.of("器具 Instrument", "出厂编号 Serial no.", "资产编号 Asset no.", "使用地点 Site",
                        "到期日 Due"), lines, "江海市计量检定测试院");
    }

    @Test
    void aLetterOfManyInstrumentsRunsOverPagesWithEveryRowAndEmbeddedFonts() throws Exception {
        byte[] pdf = new LetterRenderer().renderPdf(letter(60));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("计量器具检定到期提醒", "Verification recall", "北湖农贸市场", "江海市北湖路 8 号",
                    "2027-01-30", "The following instruments are due soon.", "SN-1", "SN-60", "摊位-60", "出厂编号");
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void aTableNeedsItsFiveHeadings() {
        assertThatThrownBy(() -> new LetterDocument("i", "t", "r", null, "d", "x", List.of("a"), List.of(), "c"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
