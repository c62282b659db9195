package org.jiliang.instrument.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No thread or file descriptor leaks over many disconnect cycles (counted with
 * {@code Thread.getAllStackTraces()} and {@code /proc/self/fd}). The 1 000-cycle run of the issue is
 * {@link DisconnectSoakTest}, excluded by default.
 */
class DisconnectLeakTest {

    private static final Logger LOG = LoggerFactory.getLogger(DisconnectLeakTest.class);

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a stuck stop ignores interrupts
    void twoHundredTcpDisconnectsLeakNothing() throws Exception {
        DisconnectCycles.Result result = DisconnectCycles.overTcp(200);

        LOG.info("TCP disconnect cycles: {}", result);
        assertThat(result.cycles()).isEqualTo(200);
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void twoHundredPtyDisconnectsLeakNothing() throws Exception {
        DisconnectCycles.Result result = DisconnectCycles.overSerial(directory, 200);

        LOG.info("Serial (pty) disconnect cycles: {}", result);
        assertThat(result.cycles()).isEqualTo(200);
    }
}
