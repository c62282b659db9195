package org.jiliang.lims.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.jiliang.lims.bench.FrameView;
import org.junit.jupiter.api.Test;

class FrameCsvTest {

    private static FrameView frame(String value, String reason, String text) {
        return new FrameView(7, "BAL-01", "3f2a", 12, "2026-12-04T08:00:00.123Z", "2026-12-04T08:00:00.124Z",
                "MALFORMED", value, "g", reason, 4, "53 0d 0a 41", "Uw0KQQ==", text);
    }

    @Test
    void startsWithAByteOrderMarkAndAHeaderAndEndsLinesWithCrLf() throws Exception {
        StringWriter out = new StringWriter();
        FrameCsv csv = new FrameCsv(out);
        csv.write(frame("-0.0000004", null, "S␍␊A"));

        assertThat(out.toString()).isEqualTo("\uFEFF" + FrameCsv.HEADER + "\r\n"
                + "7,BAL-01,3f2a,12,2026-12-04T08:00:00.123Z,2026-12-04T08:00:00.124Z,MALFORMED,-0.0000004,g,,4,"
                + "53 0d 0a 41,S␍␊A\r\n");
    }

    @Test
    void quotesCommasAndQuotesAndDefusesWhatLooksLikeAFormula() {
        assertThat(FrameCsv.text("unit \"kg\", expected g")).isEqualTo("\"unit \"\"kg\"\", expected g\"");
        assertThat(FrameCsv.text("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(FrameCsv.text("@SUM")).isEqualTo("'@SUM");
        assertThat(FrameCsv.text("中文原因")).isEqualTo("中文原因");
        assertThat(FrameCsv.text(null)).isEmpty();
    }
}
