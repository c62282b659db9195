package org.jiliang.lims.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuePlanTest {

    private static final CategoryEdition FIRST = new CategoryEdition("JL-2026-1", LocalDate.of(2026, 1, 1), 12);

    @Test
    void aVerificationOnTwelveMonthsIsDueOnTheSameDayAYearLater() {
        DuePlan.Planned plan = DuePlan.next(LocalDate.of(2026, 3, 1), 12, List.of(FIRST));
        assertThat(plan.due()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(plan.edition()).isEqualTo("JL-2026-1");
    }

    @Test
    void theInstrumentsOwnShorterIntervalWinsButNeverALongerOne() {
        assertThat(DuePlan.next(LocalDate.of(2026, 3, 1), 6, List.of(FIRST)).due()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(DuePlan.next(LocalDate.of(2026, 3, 1), 24, List.of(FIRST)).due())
                .isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void theEndOfAMonthStaysInItsMonth() {
        assertThat(DuePlan.next(LocalDate.of(2026, 8, 31), 6, List.of(FIRST)).due())
                .isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void aVerificationOlderThanTheCatalogueIsPlannedByItsFirstEdition() {
        assertThat(DuePlan.next(LocalDate.of(2025, 6, 15), 12, List.of(FIRST)))
                .isEqualTo(new DuePlan.Planned(LocalDate.of(2026, 6, 15), "JL-2026-1"));
    }

    @Test
    void anInstrumentOutsideTheCatalogueFollowsItsOwnInterval() {
        assertThat(DuePlan.next(LocalDate.of(2026, 3, 1), 24, List.of()))
                .isEqualTo(new DuePlan.Planned(LocalDate.of(2028, 3, 1), null));
    }

    @Test
    void aShorterIntervalInANewEditionReplansTheOpenCycleButMakesNobodyOverdueBeforeItsEffectiveDate() {
        CategoryEdition shorter = new CategoryEdition("JL-2027-1", LocalDate.of(2027, 1, 1), 6);
        // verified 2026-03-01: 6 months would be 2026-09-01, before the edition applies: due on its first day
        assertThat(DuePlan.next(LocalDate.of(2026, 3, 1), 12, List.of(FIRST, shorter)))
                .isEqualTo(new DuePlan.Planned(LocalDate.of(2027, 1, 1), "JL-2027-1"));
        // verified 2026-11-01: 6 months is 2027-05-01, after the edition applies
        assertThat(DuePlan.next(LocalDate.of(2026, 11, 1), 12, List.of(shorter, FIRST)))
                .isEqualTo(new DuePlan.Planned(LocalDate.of(2027, 5, 1), "JL-2027-1"));
        // verified after the new edition: planned by it from the start
        assertThat(DuePlan.next(LocalDate.of(2027, 2, 1), 12, List.of(FIRST, shorter)).due())
                .isEqualTo(LocalDate.of(2027, 8, 1));
    }

    @Test
    void aNewEditionLeavesACycleThatEndedBeforeItAlone() {
        CategoryEdition shorter = new CategoryEdition("JL-2027-1", LocalDate.of(2027, 1, 1), 6);
        // verified 2025-10-01 on 12 months: due 2026-10-01, long before the new edition
        assertThat(DuePlan.next(LocalDate.of(2025, 10, 1), 12, List.of(FIRST, shorter)))
                .isEqualTo(new DuePlan.Planned(LocalDate.of(2026, 10, 1), "JL-2026-1"));
    }

    @Test
    void aLongerIntervalInANewEditionExtendsTheOpenCycle() {
        CategoryEdition longer = new CategoryEdition("JL-2027-1", LocalDate.of(2027, 1, 1), 24);
        assertThat(DuePlan.next(LocalDate.of(2026, 3, 1), 24, List.of(FIRST, longer)))
                .isEqualTo(new DuePlan.Planned(LocalDate.of(2028, 3, 1), "JL-2027-1"));
        // the instrument's own 12 months still bind it
        assertThat(DuePlan.next(LocalDate.of(2026, 3, 1), 12, List.of(FIRST, longer)).due())
                .isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void noIntervalIsRefused() {
        assertThatThrownBy(() -> DuePlan.next(LocalDate.of(2026, 3, 1), 0, List.of(FIRST)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
