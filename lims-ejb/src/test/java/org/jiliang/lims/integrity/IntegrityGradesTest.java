package org.jiliang.lims.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The shipped grading rules, at every limit from both sides. */
class IntegrityGradesTest {

    @ParameterizedTest(name = "overdue {0}, failed {1}, short lots {2}, enforcement {3} → {4}")
    @CsvSource({
            "0, 0, 0, 0, A",
            "1, 0, 0, 0, B",
            "0, 1, 0, 0, B",
            "0, 0, 1, 0, B",
            "2, 1, 1, 0, B",
            "3, 0, 0, 0, C",
            "0, 2, 0, 0, C",
            "0, 0, 2, 0, C",
            "40, 3, 2, 0, C",
            "0, 4, 0, 0, D",
            "0, 0, 3, 0, D",
            "0, 0, 0, 1, D",
            "0, 0, 0, 7, D"})
    void theFirstGradeWhoseEveryLimitTheFindingsKeep(long overdue, long failed, long shortLots, long enforcement,
            String grade) {
        assertThat(IntegrityGrades.of(new Findings(overdue, failed, shortLots, enforcement)).code()).isEqualTo(grade);
    }

    @Test
    void onlyTheBestGradeIsPublicAndOnlyTheWorstIsListedForTheAuthority() {
        assertThat(IntegrityGrades.all()).extracting(IntegrityGrades.Grade::code).containsExactly("A", "B", "C", "D");
        assertThat(IntegrityGrades.all()).filteredOn(IntegrityGrades.Grade::goodStanding)
                .extracting(IntegrityGrades.Grade::code).containsExactly("A");
        assertThat(IntegrityGrades.all()).filteredOn(IntegrityGrades.Grade::enforcementList)
                .extracting(IntegrityGrades.Grade::code).containsExactly("D");
        assertThat(IntegrityGrades.WINDOW_MONTHS).isEqualTo(12);
        assertThat(Findings.NONE.any()).isFalse();
        assertThat(new Findings(0, 0, 1, 0).any()).isTrue();
    }
}
