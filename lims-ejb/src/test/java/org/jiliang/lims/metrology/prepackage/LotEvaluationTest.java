package org.jiliang.lims.metrology.prepackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jiliang.lims.metrology.prepackage.LotEvaluation.Standing;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.platform.RefusedException;
import org.junit.jupiter.api.Test;

/**
 * Lots judged by the rules of JJF 1070 (the 2005 Order's 附表4 and notes: each package against T and 2T, the mean
 * against Q_n − λ·s). No published worked example of JJF 1070-2023 could be read for this project (the
 * specification's text was not available); the lots below are constructed, and the figures each asserts were worked
 * out by hand from the rules (shown beside them), so that every rule decides one lot. The lots published with their
 * verdicts (by a national metrology institute following OIML R 87) are in {@link PublishedLotsTest}.
 */
class LotEvaluationTest {

    private static final String EDITION = "JJF 1070-2023";

    private static LotEvaluation.Verdict judge(String qn, String unit, long lot, List<BigDecimal> contents) {
        return LotEvaluation.evaluate(TolerableShortfall.of(EDITION, new BigDecimal(qn), unit),
                SamplingPlan.forLot(EDITION, lot), lot, contents);
    }

    private static List<BigDecimal> repeat(String value, int times) {
        return new ArrayList<>(Collections.nCopies(times, new BigDecimal(value)));
    }

    private static String fourDecimals(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    @Test
    void aLotOf60With_OnePackageBeyondT_passes() {
        // N = 60: n = 13, λ = 0.848, one package may be short by more than T; Q_n = 250 g: T = 9 g
        List<BigDecimal> contents = repeat("252", 12);
        contents.add(0, new BigDecimal("240")); // short by 10 g: beyond T (9 g), within 2T (18 g)
        LotEvaluation.Verdict v = judge("250", "g", 60, contents);

        assertThat(v.passed()).isTrue();
        assertThat(v.beyondT()).isEqualTo(1);
        assertThat(v.packages().get(0).standing()).isEqualTo(Standing.BEYOND_T);
        // q̄ = (240 + 12 × 252) / 13 = 251.0769; s = √(Σ(q − q̄)² / 12) = 3.3282; Q_n − λ·s = 250 − 0.848 × 3.3282
        assertThat(fourDecimals(v.mean())).isEqualTo("251.0769");
        assertThat(fourDecimals(v.deviation())).isEqualTo("3.3282");
        assertThat(fourDecimals(v.meanLimit())).isEqualTo("247.1777");

        // a second package 10 g short is one more than the plan allows
        contents.set(1, new BigDecimal("240"));
        LotEvaluation.Verdict two = judge("250", "g", 60, contents);
        assertThat(two.passed()).isFalse();
        assertThat(two.reasons()).extracting(LotEvaluation.Reason::key).containsExactly("netContent.reason.beyondT");
        assertThat(two.reasons().get(0).arguments()).containsExactly("2", "9 g", "1");
    }

    @Test
    void aLotOf200WhoseMeanIsBelowQnLessLambdaSFailsOnTheMeanAlone() {
        // N = 200: n = 50, λ = 0.379; Q_n = 500 g, T = 15 g: no package near T, but the filling runs low
        List<BigDecimal> contents = repeat("496", 25);
        contents.addAll(repeat("499", 25));
        LotEvaluation.Verdict v = judge("500", "g", 200, contents);

        // q̄ = 497.5; s = √(50 × 1.5² / 49) = 1.5152; Q_n − λ·s = 500 − 0.379 × 1.5152 = 499.4257 > q̄
        assertThat(v.passed()).isFalse();
        assertThat(v.beyondT()).isZero();
        assertThat(fourDecimals(v.mean())).isEqualTo("497.5000");
        assertThat(fourDecimals(v.deviation())).isEqualTo("1.5152");
        assertThat(fourDecimals(v.meanLimit())).isEqualTo("499.4257");
        assertThat(v.reasons()).extracting(LotEvaluation.Reason::key).containsExactly("netContent.reason.mean");
        RefusedException said = new RefusedException(v.reasons().get(0).key(),
                v.reasons().get(0).arguments().toArray());
        assertThat(said.getMessage(Locale.ENGLISH))
                .isEqualTo("The sample mean 497.5 g is below Q_n − λ·s = 499.4257 g (λ = 0.379, s = 1.5152 g).");
    }

    @Test
    void onePackageBeyondTwoTFailsTheLotWhateverTheMean() {
        // N = 30: n = 10, λ = 1.028, none beyond T allowed; Q_n = 1 kg labelled in kg: T = 15 g = 0.015 kg
        List<BigDecimal> contents = repeat("1.002", 9);
        contents.add(new BigDecimal("0.968")); // short by 0.032 kg: beyond 2T (0.030 kg)
        LotEvaluation.Verdict v = judge("1", "kg", 30, contents);

        // q̄ = 0.9986 kg ≥ Q_n − λ·s = 1 − 1.028 × 0.010752 = 0.988947 kg: the mean alone would pass
        assertThat(fourDecimals(v.mean())).isEqualTo("0.9986");
        assertThat(v.mean()).isGreaterThan(v.meanLimit());
        assertThat(v.beyondTwoT()).isEqualTo(1);
        assertThat(v.beyondT()).as("a package beyond 2T is not also counted beyond T").isZero();
        assertThat(v.passed()).isFalse();
        assertThat(v.reasons()).extracting(LotEvaluation.Reason::key).containsExactly("netContent.reason.beyondTwoT");
        assertThat(v.reasons().get(0).arguments()).containsExactly("1", "0.03 kg");
    }

    @Test
    void aShortfallOfExactlyTIsWithinAndOfExactly2TIsBeyondTOnly() {
        // N = 8: the whole lot, package by package, no mean; Q_n = 200 g: T = 9 g
        List<BigDecimal> contents = repeat("201", 6);
        contents.add(new BigDecimal("191")); // short by 9 g = T
        contents.add(new BigDecimal("182")); // short by 18 g = 2T
        LotEvaluation.Verdict v = judge("200", "g", 8, contents);

        assertThat(v.packages()).extracting(LotEvaluation.PackageResult::standing).containsExactly(
                Standing.WITHIN_T, Standing.WITHIN_T, Standing.WITHIN_T, Standing.WITHIN_T, Standing.WITHIN_T,
                Standing.WITHIN_T, Standing.WITHIN_T, Standing.BEYOND_T);
        assertThat(v.meanLimit()).as("a lot of 8 is not judged on its mean").isNull();
        assertThat(v.passed()).as("a lot of 8 allows none beyond T").isFalse();
        assertThat(v.packages().get(0).shortfall()).isEqualByComparingTo("-1");
    }

    @Test
    void aSampleOfTheWrongSizeOrATareAboveTheGrossIsRefusedNotJudged() {
        NetContentRefusal refused = catchThrowableOfType(() -> judge("250", "g", 60, repeat("251", 12)),
                NetContentRefusal.class);
        assertThat(refused.key()).isEqualTo("error.netContent.sampleSize");
        assertThat(refused.getMessage()).isEqualTo(
                "The sampling plan for a lot of 60 packages weighs 13 packages; 12 were given.");

        var labelled = Quantity.of("500", "g").unit();
        assertThat(LotEvaluation.content(Quantity.of("0.5123", "kg"), Quantity.of("12.1", "g"), labelled))
                .isEqualByComparingTo("500.2");
        NetContentRefusal tare = catchThrowableOfType(() -> LotEvaluation.content(Quantity.of("12", "g"),
                Quantity.of("13", "g"), labelled), NetContentRefusal.class);
        assertThat(tare.key()).isEqualTo("error.netContent.tare");
        assertThat(new RefusedException(tare.key(), tare.arguments()).getMessage(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("皮重 13 g 大于毛重 12 g：包装物不可能比整件商品更重。");
        assertThat(catchThrowableOfType(() -> LotEvaluation.content(Quantity.of("-1", "g"), Quantity.of("0", "g"),
                labelled), NetContentRefusal.class).key()).isEqualTo("error.netContent.negative");
    }
}
