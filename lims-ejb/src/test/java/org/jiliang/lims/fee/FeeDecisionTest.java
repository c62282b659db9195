package org.jiliang.lims.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Free when the owner and the category are in the same programme; the list's price either way. */
class FeeDecisionTest {

    private static final String CLINICS = "乡镇卫生院医疗计量器具免费检定";
    private static final String MARKETS = "集贸市场计量器具免费检定";
    private static final LocalDate DAY = LocalDate.of(2026, 12, 6);
    private static final FeeDecision.Owner CLINIC = new FeeDecision.Owner("C0100", "北湖镇卫生院", CLINICS);
    private static final FeeDecision.Owner MARKET = new FeeDecision.Owner("C0200", "南门农贸市场", MARKETS);
    private static final FeeDecision.Owner FACTORY = new FeeDecision.Owner("C0001", "江海食品有限公司", null);

    @Test
    void aClinicsSphygmomanometerIsFreeWithTheProgrammeAndTheReason() {
        FeeDecision fee = FeeDecision.decide(CLINIC, "SPHYGMOMANOMETER", CLINICS, "SUBSEQUENT", "北湖区", DAY);

        assertThat(fee.waived()).isTrue();
        assertThat(fee.programme()).isEqualTo(CLINICS);
        assertThat(fee.amount()).isEqualByComparingTo("30.00");
        assertThat(fee.district()).isEqualTo("北湖区");
        assertThat(fee.reason()).contains("C0100", "北湖镇卫生院", "SPHYGMOMANOMETER", CLINICS, "both in");
    }

    @Test
    void theSameClinicsScaleIsChargedForScalesAreInAnotherProgramme() {
        FeeDecision fee = FeeDecision.decide(CLINIC, "NAWI", MARKETS, "SUBSEQUENT", "北湖区", DAY);

        assertThat(fee.waived()).isFalse();
        assertThat(fee.programme()).isNull();
        assertThat(fee.reason()).isNull();
        assertThat(fee.amount()).isEqualByComparingTo("60.00");
        assertThat(FeeDecision.decide(MARKET, "NAWI", MARKETS, "SUBSEQUENT", null, DAY).waived()).as("a market's scale")
                .isTrue();
    }

    @Test
    void anOwnerOutsideEveryProgrammeOrACategoryOutsideEveryProgrammeIsCharged() {
        assertThat(FeeDecision.decide(FACTORY, "NAWI", MARKETS, "SUBSEQUENT", null, DAY).waived()).isFalse();
        assertThat(FeeDecision.decide(CLINIC, "PRESSURE_GAUGE", null, "SUBSEQUENT", null, DAY).waived()).isFalse();
        assertThat(FeeDecision.decide(FACTORY, "DMM", null, "CALIBRATION", null, DAY).amount())
                .isEqualByComparingTo("400.00");
    }

    @Test
    void aCategoryWithoutAPriceIsReceivedWithoutAnAmountAndStillWaivedWhereItIsFree() {
        FeeDecision unpriced = FeeDecision.decide(CLINIC, "ECG", CLINICS, "INITIAL", null, DAY);
        assertThat(unpriced.amount()).isNull();
        assertThat(unpriced.waived()).isTrue();
        assertThat(FeeDecision.decide(FACTORY, "NAWI", MARKETS, "SUBSEQUENT", null, LocalDate.of(2025, 12, 31))
                .amount()).as("before the price list's first day").isNull();
        assertThat(FeeDecision.decide(FACTORY, null, null, "CALIBRATION", null, DAY).amount()).isNull();
    }

    @Test
    void theReasonFitsItsColumnForTheLongestOwnerCategoryAndProgramme() {
        FeeDecision.Owner longest = new FeeDecision.Owner("C".repeat(32), "名".repeat(200), "项".repeat(100));
        FeeDecision fee = FeeDecision.decide(longest, "A".repeat(40), "项".repeat(100), "SUBSEQUENT", null, DAY);

        assertThat(fee.reason().length()).isLessThanOrEqualTo(1000); // V046: fee_waiver_reason varchar(1000)
        assertThat(fee.amount()).isNull();
    }
}
