package org.jiliang.lims.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.metrology.CsvResource;
import org.jiliang.lims.metrology.VerificationType;
import org.junit.jupiter.api.Test;

class FeeScheduleTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);

    @Test
    void aPriceIsTheLineOfTheCategoryAndWorkWithTheLatestEffectiveDateNotAfterTheDay() {
        List<FeeSchedule.Price> prices = List.of(
                new FeeSchedule.Price("NAWI", "SUBSEQUENT", FIRST, new BigDecimal("60.00")),
                new FeeSchedule.Price("NAWI", "SUBSEQUENT", LocalDate.of(2027, 7, 1), new BigDecimal("65.00")),
                new FeeSchedule.Price("NAWI", "INITIAL", FIRST, new BigDecimal("80.00")));

        assertThat(FeeSchedule.in(prices, "NAWI", "SUBSEQUENT", FIRST.minusDays(1))).as("before the list").isEmpty();
        assertThat(FeeSchedule.in(prices, "NAWI", "SUBSEQUENT", FIRST)).map(FeeSchedule.Price::amount)
                .hasValue(new BigDecimal("60.00"));
        assertThat(FeeSchedule.in(prices, "NAWI", "SUBSEQUENT", LocalDate.of(2027, 6, 30)))
                .map(FeeSchedule.Price::amount).hasValue(new BigDecimal("60.00"));
        assertThat(FeeSchedule.in(prices, "NAWI", "SUBSEQUENT", LocalDate.of(2027, 7, 1)))
                .map(FeeSchedule.Price::amount).as("the later price from its first day").hasValue(new BigDecimal("65.00"));
        assertThat(FeeSchedule.in(prices, "NAWI", "IN_SERVICE", FIRST)).as("no line for the work").isEmpty();
        assertThat(FeeSchedule.in(prices, "TAXIMETER", "SUBSEQUENT", FIRST)).as("no line for the category").isEmpty();
    }

    @Test
    void theShippedListPricesTheWorkTheCatalogueAndTheMethodsDo() {
        // every category of the catalogue has its subsequent verification priced, and each kind calibrated its calibration
        for (CsvResource.Row r : CsvResource.load("legal/control-catalogue.csv").rows()) {
            assertThat(FeeSchedule.of(r.text("code"), "SUBSEQUENT", LocalDate.of(2026, 12, 6))).as(r.text("code"))
                    .isPresent();
        }
        for (String kind : new String[] {"DMM", "STANDARD_RESISTOR", "WEIGHT"}) {
            assertThat(FeeSchedule.of(kind, FeeSchedule.work(null), LocalDate.of(2026, 12, 6))).as(kind).isPresent();
        }
        assertThat(FeeSchedule.of("NAWI", FeeSchedule.work(VerificationType.IN_SERVICE), LocalDate.of(2026, 12, 6)))
                .as("an in-service inspection is supervision: priced at nothing")
                .map(FeeSchedule.Price::amount).hasValue(new BigDecimal("0.00"));
        assertThat(FeeSchedule.all()).allSatisfy(p -> {
            assertThat(p.amount().scale()).isLessThanOrEqualTo(2);
            assertThat(p.amount()).isBetween(BigDecimal.ZERO, FeeSchedule.MAX_AMOUNT);
            assertThat(FeeSchedule.WORK).contains(p.work());
        });
    }

    @Test
    void theWorkIsTheTypeOfVerificationOrACalibration() {
        assertThat(FeeSchedule.work(VerificationType.INITIAL)).isEqualTo("INITIAL");
        assertThat(FeeSchedule.work(null)).isEqualTo("CALIBRATION");
        assertThat(FeeSchedule.WORK).containsExactlyInAnyOrder("INITIAL", "SUBSEQUENT", "IN_SERVICE", "CALIBRATION");
    }
}
