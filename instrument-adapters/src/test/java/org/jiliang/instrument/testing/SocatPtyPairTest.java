package org.jiliang.instrument.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The serial tests fail, never skip, where socat is missing; and the pair behaves as they assume. */
@Timeout(20)
class SocatPtyPairTest {

    @TempDir
    Path directory;

    @Test
    void failsWithInstructionsWhenSocatIsMissing() {
        assertThatThrownBy(() -> SocatPtyPair.start(directory.resolve("no-socat").toString(), directory))
                .isInstanceOf(AssertionError.class)
                .hasMessage("The serial tests need socat at " + directory.resolve("no-socat")
                        + " to make pty pairs, and it is missing. Install it: apt-get install socat");
    }

    @Test
    void createsBothLinksAndRemovesThemWhenKilled() throws Exception {
        try (SocatPtyPair pair = SocatPtyPair.start(directory)) {
            assertThat(pair.linkSide().toRealPath().toString()).startsWith("/dev/pts/");
            assertThat(pair.deviceSide().toRealPath().toString()).startsWith("/dev/pts/");

            pair.kill();

            assertThat(Files.exists(pair.linkSide())).isFalse();
            pair.restart();
            assertThat(pair.isAlive()).isTrue();
            assertThat(Files.exists(pair.linkSide())).isTrue();
        }
    }
}
