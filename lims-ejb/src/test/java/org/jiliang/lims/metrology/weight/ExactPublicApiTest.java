package org.jiliang.lims.metrology.weight;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Stream;
import org.jiliang.lims.metrology.decision.AcceptanceRule;
import org.jiliang.lims.metrology.decision.ConformityAssessment;
import org.jiliang.lims.metrology.decision.ConformityOutcome;
import org.jiliang.lims.metrology.decision.Decision;
import org.jiliang.lims.metrology.decision.ToleranceLimits;
import org.jiliang.lims.metrology.uncertainty.Coverage;
import org.jiliang.lims.metrology.uncertainty.DegreesOfFreedom;
import org.jiliang.lims.metrology.uncertainty.Evaluation;
import org.jiliang.lims.metrology.uncertainty.InputQuantity;
import org.jiliang.lims.metrology.uncertainty.Readings;
import org.jiliang.lims.metrology.uncertainty.ReportedResult;
import org.jiliang.lims.metrology.uncertainty.StudentTDistribution;
import org.jiliang.lims.metrology.uncertainty.UncertaintyBudget;
import org.junit.jupiter.api.Test;

/** Values that reach a certificate are exact decimals: the uncertainty, decision and weight APIs take no double. */
class ExactPublicApiTest {

    @Test
    void publicTypesOfTheNewPackagesExposeNoFloatingPoint() {
        Stream.of(UncertaintyBudget.class, UncertaintyBudget.Builder.class, UncertaintyBudget.Component.class,
                        UncertaintyBudget.Correlation.class, InputQuantity.class, Readings.class,
                        DegreesOfFreedom.class, Coverage.class, Coverage.StudentT.class, Coverage.Factor.class,
                        Evaluation.class, ReportedResult.class, StudentTDistribution.class, AcceptanceRule.class,
                        ConformityAssessment.class, ConformityOutcome.class, Decision.class, ToleranceLimits.class,
                        WeightMpeTable.class, WeightMpeTable.Entry.class, MinimumWeighingCycles.class,
                        WeighingCycle.class, WeighingCycle.Abba.class, WeighingCycle.Aba.class,
                        WeighingCycle.Ab1BnA.class, WeighingSeries.class, AirDensity.class,
                        AirDensity.ApproximateFormula.class, AirBuoyancy.class, WeightCalibration.class,
                        WeightCalibration.Builder.class)
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .forEach(method -> {
                    assertThat(method.getReturnType()).as(method.toString()).isNotIn(double.class, float.class,
                            Double.class, Float.class);
                    assertThat(method.getParameterTypes()).as(method.toString()).doesNotContain(double.class,
                            float.class, Double.class, Float.class);
                });
    }
}
