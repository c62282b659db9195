package org.jiliang.instrument.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The soak check: 1 000 disconnect cycles over TCP and 1 000 over a pty pair, with no thread or
 * file descriptor leak. Tagged {@code soak} and excluded from the normal build; run it with
 * {@code mvn -pl instrument-adapters test -Dgroups=soak -DexcludedTestGroups=none -Dtest=DisconnectSoakTest}.
 */
@Tag("soak")
class DisconnectSoakTest {

    private static final Logger LOG = LoggerFactory.getLogger(DisconnectSoakTest.class);

    @TempDir
    Path directory;

    @Test
    @Timeout(600)
    void aThousandTcpDisconnectsLeakNothing() throws Exception {
        DisconnectCycles.Result result = DisconnectCycles.overTcp(1000);

        LOG.info("TCP soak: {}", result);
        assertThat(result.cycles()).isEqualTo(1000);
    }

    @Test
    @Timeout(900)
    void aThousandPtyDisconnectsLeakNothing() throws Exception {
        DisconnectCycles.Result result = DisconnectCycles.overSerial(directory, 1000);

        LOG.info("Serial (pty) soak: {}", result);
        assertThat(result.cycles()).isEqualTo(1000);
    }
}
