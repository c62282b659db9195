package org.jiliang.lims.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientBudgetTest {

    private static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");

    @Test
    void aClientGetsItsBurstAtOnceThenOneRequestPerInterval() {
        ClientBudget budget = new ClientBudget(3, Duration.ofSeconds(3), 100);
        for (int i = 0; i < 3; i++) {
            assertThat(budget.take("a", T0)).as("request %d", i + 1).isEmpty();
        }
        assertThat(budget.take("a", T0)).contains(Duration.ofSeconds(3));
        assertThat(budget.take("b", T0)).as("another client has its own budget").isEmpty();
        assertThat(budget.take("a", T0.plusSeconds(2))).hasValueSatisfying(wait -> assertThat(wait).isPositive());
        assertThat(budget.take("a", T0.plusSeconds(3))).isEmpty();
        assertThat(budget.take("a", T0.plusSeconds(3))).isPresent();
    }

    @Test
    void aQuietClientGetsNoMoreThanItsBurst() {
        ClientBudget budget = new ClientBudget(3, Duration.ofSeconds(3), 100);
        budget.take("a", T0);
        Instant later = T0.plus(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(budget.take("a", later)).isEmpty();
        }
        assertThat(budget.take("a", later)).isPresent();
    }

    @Test
    void theLeastRecentlySeenClientIsForgottenFirst() {
        ClientBudget budget = new ClientBudget(1, Duration.ofMinutes(1), 2);
        budget.take("a", T0);
        budget.take("b", T0);
        budget.take("c", T0);
        assertThat(budget.take("a", T0)).as("a was forgotten: a fresh bucket").isEmpty();
        assertThat(budget.take("c", T0)).isPresent();
    }
}
