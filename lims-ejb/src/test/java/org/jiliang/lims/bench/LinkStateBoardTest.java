package org.jiliang.lims.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The link state board counts the bytes of the open link live, and forgets the count with the link. */
class LinkStateBoardTest {

    private static final Instant T = Instant.parse("2026-12-04T08:00:00Z");
    private final LinkStateBoard board = new LinkStateBoard();

    @Test
    void theBytesReceivedAreThoseOfTheOpenLinkNowAndNoneOnceItIsDown() {
        AtomicLong read = new AtomicLong();
        board.connected("BAL-01", "127.0.0.1:4001", T, read::get);
        read.set(10);
        assertThat(board.state("BAL-01").bytesReceived()).isEqualTo(10);
        board.identityRead("BAL-01", "XPE205", "B021002593", "1.10.18", true, T);
        read.set(27);
        assertThat(board.state("BAL-01").bytesReceived()).as("still counted after the identity").isEqualTo(27);

        board.down("BAL-01", T.plusSeconds(5), "Connection reset", 0);
        assertThat(board.state("BAL-01").bytesReceived()).isZero();
        assertThat(board.state("BAL-01").state()).isEqualTo(LinkState.DOWN);

        AtomicLong next = new AtomicLong(3);
        board.connected("BAL-01", "127.0.0.1:4001", T.plusSeconds(7), next::get);
        assertThat(board.state("BAL-01").bytesReceived()).as("a new link counts from its own start").isEqualTo(3);
        board.forget("BAL-01");
        assertThat(board.state("BAL-01").bytesReceived()).isZero();
    }
}
