package org.jiliang.lims.metrology.scale;

import java.util.Objects;

/**
 * A text a technician reads, in Chinese and English; certificates and notices print both.
 *
 * @param zh Chinese
 * @param en English
 */
public record BilingualText(String zh, String en) {

    public BilingualText {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** "中文 / English". */
    @Override
    public String toString() {
        return zh + " / " + en;
    }
}
