package org.jiliang.lims.metrology.prepackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lots published with their verdicts: Australian National Measurement Institute, "Guide to the Average Quantity
 * System in Australia" (July 2010), "Examples of average quantity system testing", Table 3, and the count example
 * beside it. The guide follows OIML R 87; its sampling (lot size → sample size, packages allowed beyond T, none
 * beyond 2T) and its T for these quantities are those of JJF 1070, so the same verdicts must follow.
 *
 * <p>The guide publishes each lot's labelled quantity, lot size, sample size, sample mean, the packages beyond T and
 * beyond 2T, and the verdict, but not every package's content. Each test therefore builds a sample with exactly the
 * published figures (the count beyond T and 2T, the mean) and asserts what the guide concluded. The shortfalls are
 * chosen clear of the one point where R 87 and JJF 1070 differ (R 87 rounds T up: 1.5 % of 1 500 g is 23 g there,
 * 22 g here), so the published verdict does not depend on it.
 */
class PublishedLotsTest {

    /** The edition whose tables were read in print (tags S, C in the data files). */
    private static final String EDITION = "JJF 1070-2005";

    /** {@code count} packages of {@code value}. */
    private static List<BigDecimal> packages(int count, String value) {
        return new ArrayList<>(Collections.nCopies(count, new BigDecimal(value)));
    }

    private static LotEvaluation.Verdict judge(String qn, String unit, long lot, List<BigDecimal> sample) {
        return LotEvaluation.evaluate(TolerableShortfall.of(EDITION, new BigDecimal(qn), unit),
                SamplingPlan.forLot(EDITION, lot), lot, sample);
    }

    @Test
    void butter500gLotOf3500_twoPackagesBeyondT_passes() {
        // published: n = 125, mean 501 g, 2 packages beyond T (T = 3 % = 15 g), none beyond 2T: pass
        List<BigDecimal> sample = packages(2, "484"); // 16 g short: beyond 15 g, within 30 g
        sample.addAll(packages(89, "501"));
        sample.addAll(packages(34, "502")); // (2 × 484 + 89 × 501 + 34 × 502) / 125 = 501
        LotEvaluation.Verdict v = judge("500", "g", 3500, sample);

        assertThat(v.plan().sample()).isEqualTo(125);
        assertThat(v.t().t().value()).isEqualByComparingTo("15");
        assertThat(v.mean()).isEqualByComparingTo("501");
        assertThat(v.beyondT()).isEqualTo(2);
        assertThat(v.beyondTwoT()).isZero();
        assertThat(v.passed()).isTrue();
    }

    @Test
    void wine750mLLotOf130_onePackageBeyond2T_fails() {
        // published: n = 50, mean 752 mL, none beyond T alone, 1 beyond 2T (T = 15 mL): fail
        List<BigDecimal> sample = packages(1, "719"); // 31 mL short: beyond 2T = 30 mL
        sample.addAll(packages(16, "752"));
        sample.addAll(packages(33, "753")); // (719 + 16 × 752 + 33 × 753) / 50 = 752
        LotEvaluation.Verdict v = judge("750", "mL", 130, sample);

        assertThat(v.plan().sample()).isEqualTo(50);
        assertThat(v.t().t().value()).isEqualByComparingTo("15");
        assertThat(v.mean()).isEqualByComparingTo("752");
        assertThat(v.beyondTwoT()).isEqualTo(1);
        assertThat(v.passed()).isFalse();
        assertThat(v.reasons()).extracting(LotEvaluation.Reason::key).containsExactly("netContent.reason.beyondTwoT");
    }

    @Test
    void sugar1point5kgLotOf5000_fourPackagesBeyondT_passes() {
        // published: n = 125, mean 1.6 kg, 4 beyond T, none beyond 2T: pass (T 22 g here, 23 g under R 87)
        List<BigDecimal> sample = packages(4, "1.470"); // 30 g short: beyond T either way, within 2T (44 g)
        sample.addAll(packages(85, "1.604"));
        sample.addAll(packages(36, "1.605")); // (4 × 1.470 + 85 × 1.604 + 36 × 1.605) / 125 = 1.600
        LotEvaluation.Verdict v = judge("1.5", "kg", 5000, sample);

        assertThat(v.plan().sample()).isEqualTo(125);
        assertThat(v.mean()).isEqualByComparingTo("1.6");
        assertThat(v.beyondT()).isEqualTo(4);
        assertThat(v.beyondTwoT()).isZero();
        assertThat(v.passed()).isTrue();
    }

    @Test
    void potatoes3kgLotOf148_onePackageBeyond2T_fails() {
        // published: n = 50, mean 3.1 kg, T = 1.5 % = 45 g, one package beyond 2T "when none are permitted": fail
        List<BigDecimal> sample = packages(1, "2.909"); // 91 g short: beyond 2T = 90 g
        sample.addAll(packages(5, "3.103"));
        sample.addAll(packages(44, "3.104")); // (2.909 + 5 × 3.103 + 44 × 3.104) / 50 = 3.1
        LotEvaluation.Verdict v = judge("3", "kg", 148, sample);

        assertThat(v.plan().sample()).isEqualTo(50);
        assertThat(v.t().t().to(org.jiliang.lims.metrology.quantity.Units.of("g")).value()).isEqualByComparingTo("45");
        assertThat(v.mean()).isEqualByComparingTo("3.1");
        assertThat(v.beyondTwoT()).isEqualTo(1);
        assertThat(v.passed()).isFalse();
        assertThat(v.reasons()).extracting(LotEvaluation.Reason::key).containsExactly("netContent.reason.beyondTwoT");
    }

    @Test
    void twelveOystersLotOf150_onePackOfElevenFails() {
        // published: n = 50; 49 packs hold 12, one holds 11; no shortfall is allowed for a count up to 50: fail
        List<BigDecimal> sample = packages(1, "11");
        sample.addAll(packages(49, "12"));
        LotEvaluation.Verdict v = judge("12", "pcs", 150, sample);

        assertThat(v.plan().sample()).isEqualTo(50);
        assertThat(v.t().t().value()).isEqualByComparingTo("0");
        assertThat(v.passed()).isFalse();
    }
}
