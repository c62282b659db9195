package org.jiliang.lims.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.Customer;
import org.junit.jupiter.api.Test;

/** A request is decided once: accepted, declined or cancelled, and then stays as it was decided. */
class ServiceRequestTest {

    private static final Instant AT = Instant.parse("2026-12-05T02:00:00Z");
    private static final LocalDate PREFERRED = LocalDate.parse("2026-12-14");

    private static ServiceRequest submitted() {
        Customer owner = new Customer("C0001", "华东食品有限公司", "江海市", null);
        return new ServiceRequest("SQ2026-00001", owner, ServiceRequest.Place.ON_SITE, PREFERRED, "北门收货处",
                "customer", AT);
    }

    @Test
    void acceptedOnceWithTheDayAndWhoDecided() {
        ServiceRequest r = submitted();
        r.accept("clerk", AT.plusSeconds(60), PREFERRED.plusDays(1));

        assertThat(r.state()).isEqualTo(ServiceRequest.State.ACCEPTED);
        assertThat(r.decidedBy()).isEqualTo("clerk");
        assertThat(r.plannedDate()).isEqualTo(PREFERRED.plusDays(1));
        assertThatThrownBy(() -> r.accept("clerk", AT, PREFERRED)).isInstanceOfSatisfying(RefusedException.class,
                e -> assertThat(e.messageKey()).isEqualTo("error.request.notSubmitted"));
        assertThatThrownBy(() -> r.decline("clerk", AT, "no")).isInstanceOf(RefusedException.class);
        assertThat(r.state()).as("a refused second decision changes nothing").isEqualTo(ServiceRequest.State.ACCEPTED);
        assertThat(r.declineReason()).isNull();
    }

    @Test
    void theCustomerCancelsOnlyWhatIsUndecided() {
        ServiceRequest declined = submitted();
        declined.decline("clerk", AT, "该型号不在本院授权范围内");
        assertThat(declined.declineReason()).isEqualTo("该型号不在本院授权范围内");

        assertThatThrownBy(() -> declined.cancel("customer", AT)).isInstanceOfSatisfying(RefusedException.class,
                e -> {
                    assertThat(e.messageKey()).isEqualTo("error.request.notCancellable");
                    assertThat(e.getMessage(Locale.ENGLISH)).contains("SQ2026-00001", "DECLINED");
                });

        ServiceRequest open = submitted();
        open.cancel("customer", AT);
        assertThat(open.state()).isEqualTo(ServiceRequest.State.CANCELLED);
        assertThat(open.decidedBy()).isEqualTo("customer");
        assertThatThrownBy(() -> open.accept("clerk", AT, PREFERRED)).isInstanceOf(RefusedException.class);
    }
}
