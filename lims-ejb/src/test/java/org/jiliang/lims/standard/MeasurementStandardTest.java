package org.jiliang.lims.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MeasurementStandardTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private static MeasurementStandard dueOn(LocalDate dueDate) {
        return new MeasurementStandard("STD-F1-001", "F1 等级砝码组 1 mg–20 kg", "F1", "WS-F1-2019-017",
                "JZJ2026-04512", "国家质量基准", dueDate.minusYears(1), dueDate);
    }

    @Test
    void isValidWhenTheDueDateIsMoreThanThirtyDaysAway() {
        StandardStatus status = dueOn(TODAY.plusDays(31)).statusOn(TODAY);

        assertThat(status).isEqualTo(StandardStatus.VALID);
        assertThat(status.usable()).isTrue();
    }

    @Test
    void isDueSoonThirtyDaysBeforeTheDueDate() {
        StandardStatus status = dueOn(TODAY.plusDays(30)).statusOn(TODAY);

        assertThat(status).isEqualTo(StandardStatus.DUE_SOON);
        assertThat(status.usable()).isTrue();
    }

    @Test
    void isStillUsableOnTheDueDateItself() {
        StandardStatus status = dueOn(TODAY).statusOn(TODAY);

        assertThat(status).isEqualTo(StandardStatus.DUE_SOON);
        assertThat(status.usable()).isTrue();
    }

    @Test
    void isOverdueAndUnusableTheDayAfterTheDueDate() {
        StandardStatus status = dueOn(TODAY.minusDays(1)).statusOn(TODAY);

        assertThat(status).isEqualTo(StandardStatus.OVERDUE);
        assertThat(status.usable()).isFalse();
    }

    @Test
    void aSuspendedStandardIsSuspendedAndUnusableHoweverFarAwayItsDueDate() {
        MeasurementStandard standard = suspended(dueOn(TODAY.plusYears(1)));

        StandardStatus status = standard.statusOn(TODAY);

        assertThat(status).isEqualTo(StandardStatus.SUSPENDED);
        assertThat(status.usable()).isFalse();
    }

    @Test
    void suspensionOutranksOverdue() {
        assertThat(suspended(dueOn(TODAY.minusDays(1))).statusOn(TODAY)).isEqualTo(StandardStatus.SUSPENDED);
    }

    @Test
    void refusesADueDateBeforeTheCalibrationDate() {
        assertThatThrownBy(() -> new MeasurementStandard("STD-F1-001", "F1 砝码组", "F1", "WS-1", "JZJ2026-1",
                "国家质量基准", TODAY, TODAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Due date 2026-03-01 precedes calibration 2026-03-02");
    }

    /**
     * No domain operation suspends a standard yet: the flag exists only as the
     * {@code suspended} column, which JPA writes straight into the field (field access).
     * The test does what the persistence provider does when it loads such a row.
     */
    private static MeasurementStandard suspended(MeasurementStandard standard) {
        try {
            Field flag = MeasurementStandard.class.getDeclaredField("suspended");
            flag.setAccessible(true);
            flag.setBoolean(standard, true);
            return standard;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("MeasurementStandard lost its suspended column", e);
        }
    }
}
