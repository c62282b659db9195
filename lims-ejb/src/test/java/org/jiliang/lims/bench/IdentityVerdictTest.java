package org.jiliang.lims.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The identity an instrument reported, judged against its device profile (issue 9). */
class IdentityVerdictTest {

    private static final Instant T = Instant.parse("2026-12-04T03:00:00Z");
    private final LinkStateBoard board = new LinkStateBoard();

    @Test
    void aMatchingSerialNumberAndModelAreVerifiedIgnoringCaseAndSpaces() {
        reported("XPE205", "B021002593");
        assertThat(judge("b021002593 ", "XPE205").kind()).isEqualTo(IdentityVerdict.Kind.VERIFIED);
        assertThat(judge("B021002593", null).allowsCapture()).isTrue();
    }

    @Test
    void anotherSerialNumberDiffersAndSaysWhichValueIsWhere() {
        reported("XPE205", "B999");
        IdentityVerdict verdict = judge("B021002593", "XPE205");
        assertThat(verdict).isEqualTo(new IdentityVerdict(IdentityVerdict.Kind.DIFFERS, "serialNumber", "B021002593", "B999"));
        assertThat(verdict.allowsCapture()).isFalse();
    }

    @Test
    void anotherModelDiffers() {
        reported("XS205", "B021002593");
        assertThat(judge("B021002593", "XPE205"))
                .isEqualTo(new IdentityVerdict(IdentityVerdict.Kind.DIFFERS, "model", "XPE205", "XS205"));
    }

    @Test
    void aProfileWithoutIdentityIsNotRegisteredAndAllowsCapture() {
        reported("XPE205", "B999");
        IdentityVerdict verdict = judge(null, null);
        assertThat(verdict.kind()).isEqualTo(IdentityVerdict.Kind.NOT_REGISTERED);
        assertThat(verdict.allowsCapture()).isTrue();
    }

    @Test
    void anIdentityNotReadOnTheCurrentLinkOrLostWithTheLinkBlocksCapture() {
        board.connected("BAL-01", "127.0.0.1:4001", T, () -> 0);
        assertThat(judge("B021002593", null).kind()).isEqualTo(IdentityVerdict.Kind.NOT_READ);
        reported("XPE205", null); // the balance refused I4
        assertThat(judge("B021002593", null).kind()).isEqualTo(IdentityVerdict.Kind.NOT_READ);
        reported("XPE205", "B021002593");
        board.down("BAL-01", T.plusSeconds(5), "connection reset", 0);
        IdentityVerdict afterDown = judge("B021002593", null);
        assertThat(afterDown.kind()).isEqualTo(IdentityVerdict.Kind.NOT_READ);
        assertThat(afterDown.allowsCapture()).isFalse();
    }

    @Test
    void aProtocolWithoutIdentityCommandsIsNotAvailableAndAllowsCapture() {
        LinkState sbi = new LinkState("BAL-02", LinkState.CONNECTED, "x", T, null, null, 0, false, null, null, null, null, 0);
        IdentityVerdict verdict = IdentityVerdict.judge("S123", null, sbi);
        assertThat(verdict.kind()).isEqualTo(IdentityVerdict.Kind.NOT_AVAILABLE);
        assertThat(verdict.allowsCapture()).isTrue();
        assertThat(LinkStateBoard.protocolTellsIdentity("sbi")).isFalse();
        assertThat(LinkStateBoard.protocolTellsIdentity("mt-sics")).isTrue();
        assertThat(LinkStateBoard.protocolTellsIdentity("scpi")).isTrue();
    }

    @Test
    void aNewConnectionForgetsWhatThePreviousOneReported() {
        reported("XPE205", "B021002593");
        board.connected("BAL-01", "127.0.0.1:4001", T.plusSeconds(60), () -> 0);
        LinkState state = board.state("BAL-01");
        assertThat(state.serialNumber()).isNull();
        assertThat(state.identityRead()).isFalse();
    }

    @Test
    void downKeepsTheFirstFailureAsSinceAndCountsAttempts() {
        board.connected("BAL-01", "127.0.0.1:4001", T, () -> 0);
        board.down("BAL-01", T.plusSeconds(1), "closed", 0);
        board.down("BAL-01", T.plusSeconds(1), "refused", 3);
        LinkState state = board.state("BAL-01");
        assertThat(state.down()).isTrue();
        assertThat(state.downSince()).isEqualTo(T.plusSeconds(1));
        assertThat(state.reconnectAttempts()).isEqualTo(3);
        assertThat(state.downReason()).isEqualTo("refused");
    }

    private void reported(String model, String serialNumber) {
        if (!board.state("BAL-01").state().equals(LinkState.CONNECTED)) {
            board.connected("BAL-01", "127.0.0.1:4001", T, () -> 0);
        }
        board.identityRead("BAL-01", model, serialNumber, "1.0", true, T);
    }

    private IdentityVerdict judge(String profileSerialNumber, String profileModel) {
        return IdentityVerdict.judge(profileSerialNumber, profileModel, board.state("BAL-01"));
    }
}
