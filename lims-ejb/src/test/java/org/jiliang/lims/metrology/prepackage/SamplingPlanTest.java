package org.jiliang.lims.metrology.prepackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sampling plan by lot size at every bound (the 2005 Order's 附表4, kept by JJF 1070-2023 as far as known). */
class SamplingPlanTest {

    @ParameterizedTest(name = "N = {0}: n = {1}, λ = {2}, beyond T {3}")
    @CsvSource({
            "1, 1, , 0", "10, 10, , 0",
            "11, 10, 1.028, 0", "50, 10, 1.028, 0",
            "51, 13, 0.848, 1", "99, 13, 0.848, 1",
            "100, 50, 0.379, 3", "500, 50, 0.379, 3",
            "501, 80, 0.295, 5", "3200, 80, 0.295, 5",
            "3201, 125, 0.234, 7", "100000000, 125, 0.234, 7"})
    void thePlanByLotSize(long lot, int sample, String lambda, int allowedBeyondT) {
        for (String edition : new String[] {"JJF 1070-2005", "JJF 1070-2023"}) {
            SamplingPlan plan = SamplingPlan.forLot(edition, lot);
            assertThat(plan.sampleSize(lot)).as(edition).isEqualTo(sample);
            if (lambda == null) {
                assertThat(plan.judgesMean()).as("a lot of 10 or fewer is judged package by package").isFalse();
            } else {
                assertThat(plan.lambda()).isEqualByComparingTo(lambda);
            }
            assertThat(plan.allowedBeyondT()).isEqualTo(allowedBeyondT);
            assertThat(plan.allowedBeyondTwoT()).as("never beyond 2T").isZero();
        }
    }

    @Test
    void aLotOfNoPackagesOrOfAnImpossibleSizeIsRefused() {
        for (long lot : new long[] {0, -5, SamplingPlan.LARGEST_LOT + 1}) {
            NetContentRefusal refused = catchThrowableOfType(() -> SamplingPlan.forLot("JJF 1070-2023", lot),
                    NetContentRefusal.class);
            assertThat(refused.key()).as(Long.toString(lot)).isEqualTo("error.netContent.lotSize");
            assertThat(refused.getMessage()).contains(Long.toString(lot), "100000000");
        }
    }

    @Test
    void aLotIsJudgedByTheEditionInForceOnTheDayItWasSampled() {
        assertThat(NetContentEditions.inForceOn(LocalDate.of(2024, 10, 11)).name()).isEqualTo("JJF 1070-2005");
        assertThat(NetContentEditions.inForceOn(LocalDate.of(2024, 10, 12)).name()).isEqualTo("JJF 1070-2023");
        assertThat(NetContentEditions.inForceOn(LocalDate.of(2026, 12, 6)).name()).isEqualTo("JJF 1070-2023");
        assertThat(catchThrowableOfType(() -> NetContentEditions.inForceOn(LocalDate.of(2005, 12, 31)),
                NetContentRefusal.class).key()).isEqualTo("error.netContent.noEdition");
    }
}
