package org.jiliang.lims.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.jiliang.lims.platform.RefusedException;
import org.junit.jupiter.api.Test;

class FrameFilterTest {

    private static final Instant T = Instant.parse("2026-12-04T08:00:00Z");

    @Test
    void blankMeansAny() {
        FrameFilter f = new FrameFilter(null, null, " ", "");

        assertThat(f.status()).isNull();
        assertThat(f.linkSession()).isNull();
    }

    @Test
    void aRangeMustStartBeforeItEnds() {
        assertThatThrownBy(() -> new FrameFilter(T, T, null, null)).isInstanceOf(RefusedException.class)
                .extracting(e -> ((RefusedException) e).messageKey()).isEqualTo("error.frames.range");
        assertThat(new FrameFilter(T, T.plusMillis(1), null, null).to()).isEqualTo(T.plusMillis(1));
    }

    @Test
    void aStatusOfANewKindIsAcceptedButAMalformedOneIsRefusedNamingTheKnownOnes() {
        assertThat(new FrameFilter(null, null, "UNEXPECTED_UNIT", null).status()).isEqualTo("UNEXPECTED_UNIT");
        assertThat(new FrameFilter(null, null, "IDENTITY", null).status()).isEqualTo("IDENTITY");

        assertThatThrownBy(() -> new FrameFilter(null, null, "stable", null))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("\"stable\"").hasMessageContaining("STABLE, DYNAMIC")
                .hasMessageContaining("QUARANTINED");
        assertThatThrownBy(() -> new FrameFilter(null, null, "S'; drop table", null))
                .isInstanceOf(RefusedException.class);
    }

    @Test
    void aLinkSessionIsPrintableAsciiAsLongAsTheColumn() {
        assertThat(new FrameFilter(null, null, null, "agent:BENCH-1").linkSession()).isEqualTo("agent:BENCH-1");
        assertThatThrownBy(() -> new FrameFilter(null, null, null, "x".repeat(37)))
                .isInstanceOf(RefusedException.class).hasMessageContaining("1 to 36");
        assertThatThrownBy(() -> new FrameFilter(null, null, null, "a\u0000b")).isInstanceOf(RefusedException.class);
    }

    @Test
    void aPageHoldsOneToAThousandFramesAHundredUnlessAsked() {
        assertThat(FrameFilter.limit(null)).isEqualTo(100);
        assertThat(FrameFilter.limit(1)).isEqualTo(1);
        assertThat(FrameFilter.limit(1000)).isEqualTo(1000);
        assertThatThrownBy(() -> FrameFilter.limit(0)).hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> FrameFilter.limit(1001)).hasMessageContaining("1001");
    }
}
