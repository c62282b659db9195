package org.jiliang.lims.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An e-mail's state through its attempts: one the mail server never received does not use one up. */
class MailDeliveryTest {

    @Test
    void aMailClaimedButNeverHandedOverIsAsItWasBeforeWithTheReason() {
        MailDelivery fresh = MailDelivery.to("qa@huadong-food.example");
        fresh.sending();
        fresh.notTried("MailConnectException: Couldn't connect to host");

        assertThat(fresh.state()).isEqualTo(MailState.PENDING);
        assertThat(fresh.attempts()).isZero();
        assertThat(fresh.error()).contains("Couldn't connect");

        MailDelivery refusedTwice = MailDelivery.to("qa@huadong-food.example");
        for (int i = 0; i < 2; i++) {
            refusedTwice.sending();
            refusedTwice.failed("550 mailbox unavailable");
        }
        refusedTwice.sending();
        refusedTwice.notTried("MailConnectException: Couldn't connect to host");

        assertThat(refusedTwice.state()).isEqualTo(MailState.FAILED);
        assertThat(refusedTwice.attempts()).as("the two the server refused").isEqualTo(2);
        assertThat(refusedTwice.error()).as("the server's own reason is kept").isEqualTo("550 mailbox unavailable");
    }

    @Test
    void onlyAMailBeingSentCanBeLeftUntried() {
        MailDelivery sent = MailDelivery.to("qa@huadong-food.example");
        sent.sending();
        sent.sent(java.time.Instant.parse("2026-12-07T06:00:00Z"));

        assertThatThrownBy(() -> sent.notTried("…")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SENT");
        assertThat(sent.attempts()).isEqualTo(1);
    }
}
