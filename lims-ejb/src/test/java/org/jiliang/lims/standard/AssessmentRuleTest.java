package org.jiliang.lims.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The assessment certificate's reminder through time: a certificate valid until 2027-06-30, looked at on the days
 * around the start of its re-examination window (six months before, JJF 1033 [M]) and around its end.
 */
class AssessmentRuleTest {

    private static final LocalDate VALID_UNTIL = LocalDate.of(2027, 6, 30);

    @Test
    void theReexaminationIsDueSixMonthsBeforeTheEndAndTheCertificateExpiresTheDayAfter() {
        assertThat(AssessmentRule.MONTHS_BEFORE).as("legal/standard-assessment.csv").isEqualTo(6);
        assertThat(AssessmentRule.reexaminationFrom(VALID_UNTIL)).isEqualTo(LocalDate.of(2026, 12, 30));
        assertThat(AssessmentRule.on(VALID_UNTIL, LocalDate.of(2026, 12, 29))).isEqualTo(AssessmentRule.State.VALID);
        assertThat(AssessmentRule.on(VALID_UNTIL, LocalDate.of(2026, 12, 30)))
                .isEqualTo(AssessmentRule.State.REEXAMINATION_DUE);
        assertThat(AssessmentRule.on(VALID_UNTIL, VALID_UNTIL)).isEqualTo(AssessmentRule.State.REEXAMINATION_DUE);
        assertThat(AssessmentRule.on(VALID_UNTIL, VALID_UNTIL.plusDays(1))).isEqualTo(AssessmentRule.State.EXPIRED);
        assertThat(AssessmentRule.on(null, VALID_UNTIL)).isEqualTo(AssessmentRule.State.NONE);
    }

    @Test
    void aCertificateEndingOnTheLastDayOfAMonthCountsBackToTheSameDayOrTheMonthsLast() {
        // 2027-08-31 less six months: 2027-02-28 (February has no 31st)
        assertThat(AssessmentRule.reexaminationFrom(LocalDate.of(2027, 8, 31))).isEqualTo(LocalDate.of(2027, 2, 28));
    }
}
