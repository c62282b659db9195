package org.jiliang.lims.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawTextTest {

    @Test
    void showsAnMtSicsLineWithItsTerminatorVisible() {
        byte[] line = "S S      12.345 g\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(RawText.visible(line)).isEqualTo("S S      12.345 g␍␊");
    }

    @Test
    void everyControlByteIsShownAndNoByteIsLostOrMerged() {
        byte[] raw = {0x00, 0x02, 0x1B, 0x41, 0x7F, (byte) 0x85, (byte) 0x9F, (byte) 0xA0, (byte) 0xB5, (byte) 0xFF};

        assertThat(RawText.visible(raw)).isEqualTo("␀␂␛A␡⟨85⟩⟨9F⟩\u00A0µÿ");
    }

    @Test
    void printableLatin1IsTheTextItself() {
        String text = " !\"#0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~";

        assertThat(RawText.visible(text.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(text);
    }
}
