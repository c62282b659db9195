package org.jiliang.lims.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which notice a day brings an instrument due on 2027-03-01 with a 30-day recall window. */
class RecallKindTest {

    private static final LocalDate DUE = LocalDate.of(2027, 3, 1);

    @Test
    void nothingBeforeTheWindowOpens() {
        assertThat(RecallKind.on(LocalDate.of(2027, 1, 29), DUE, 30)).isEmpty();
    }

    @Test
    void theAdvanceNoticeFromTheFirstDayOfTheWindowToTheDayBeforeTheDueDate() {
        assertThat(RecallKind.on(LocalDate.of(2027, 1, 30), DUE, 30)).contains(RecallKind.ADVANCE);
        assertThat(RecallKind.on(LocalDate.of(2027, 2, 28), DUE, 30)).contains(RecallKind.ADVANCE);
    }

    @Test
    void theDueDateNoticeOnTheDueDateAndTheOverdueNoticeFromTheDayAfter() {
        assertThat(RecallKind.on(DUE, DUE, 30)).contains(RecallKind.DUE);
        assertThat(RecallKind.on(LocalDate.of(2027, 3, 2), DUE, 30)).contains(RecallKind.OVERDUE);
        assertThat(RecallKind.on(LocalDate.of(2028, 1, 1), DUE, 30)).contains(RecallKind.OVERDUE);
    }
}
