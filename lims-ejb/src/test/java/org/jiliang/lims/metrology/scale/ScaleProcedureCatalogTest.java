package org.jiliang.lims.metrology.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.lims.metrology.scale.ScaleFixtures.demoScale;
import static org.jiliang.lims.metrology.scale.ScaleFixtures.errorFreeReadings;
import static org.jiliang.lims.metrology.scale.ScaleFixtures.g;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jiliang.lims.metrology.AccuracyClass;
import org.jiliang.lims.metrology.ScaleParameters;
import org.jiliang.lims.metrology.VerificationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScaleProcedureCatalogTest {

    private final ScaleProcedureCatalog catalog = ScaleProcedureCatalog.standard();

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "JJG 539,     2017-05-30, JJG 539-2016",
            "JJG 539,     2025-11-26, JJG 539-2016",
            "OIML R 76-1, 2006-01-01, OIML R 76-1:2006",
            "OIML R 76-1, 2025-11-26, OIML R 76-1:2006"
    })
    void findsTheEditionInForceOnADate(String procedure, LocalDate date, String edition) {
        assertThat(catalog.inForce(procedure, date).edition()).isEqualTo(edition);
    }

    @Test
    void noJjg539EditionIsKnownBeforeThe2016EditionTookEffect() {
        assertThatThrownBy(() -> catalog.inForce("JJG 539", LocalDate.of(2017, 5, 29)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No edition of JJG 539 applies on 2017-05-29; editions: [JJG 539-2016 (from 2017-05-30)]");
    }

    @Test
    void refusesAnUnknownEdition() {
        assertThatThrownBy(() -> catalog.edition("JJG 539-1997"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown procedure edition \"JJG 539-1997\"");
    }

    @ParameterizedTest(name = "{0}: {1} = {2} [{3}]")
    @CsvSource(delimiter = '|', textBlock = """
            OIML R 76-1:2006 | zero.limit_e                             | 0.25            | M
            OIML R 76-1:2006 | zero.load_with_zero_tracking_e           | 10              | V
            OIML R 76-1:2006 | weighing.minimum_loads                   | 5               | M
            OIML R 76-1:2006 | eccentricity.divisor_up_to_4_supports    | 3               | V2
            OIML R 76-1:2006 | eccentricity.positions_up_to_4_supports  | 4               | V2
            OIML R 76-1:2006 | repeatability.loads                      | 0.5Max Max      | M
            OIML R 76-1:2006 | repeatability.weighings_below_threshold  | 10              | M
            OIML R 76-1:2006 | repeatability.weighings_from_threshold   | 3               | M
            OIML R 76-1:2006 | repeatability.threshold_max              | 1000 kg         | M
            OIML R 76-1:2006 | discrimination.loads                     | Min 0.5Max Max  | M
            OIML R 76-1:2006 | discrimination.extra_load                | 1.4 d           | M
            OIML R 76-1:2006 | tare.fraction_of_max_tare                | 0.5             | M
            JJG 539-2016     | discrimination.extra_load                | 1.4 d           | M
            JJG 539-2016     | eccentricity.divisor_up_to_4_supports    | 3               | M
            """)
    void keepsEachRuleWithItsValueSourceAndTag(String edition, String rule, String value, EvidenceTag tag) {
        ProcedureRule found = catalog.edition(edition).rule(rule);

        assertThat(found.value()).isEqualTo(value);
        assertThat(found.tag()).isEqualTo(tag);
        assertThat(found.source()).isNotBlank();
    }

    @Test
    void listsTheRulesStillToBeConfirmed() {
        assertThat(catalog.edition("OIML R 76-1:2006").unconfirmedRules()).extracting(ProcedureRule::name)
                .containsExactly("zero.limit_e", "weighing.minimum_loads", "weighing.fixed_loads_e",
                        "repeatability.loads", "repeatability.weighings_below_threshold",
                        "repeatability.weighings_from_threshold", "repeatability.threshold_max",
                        "discrimination.loads", "discrimination.extra_load", "tare.fraction_of_max_tare");
        // JJG 539-2016 itself was not seen: all of its rules are unconfirmed, and so is its date
        assertThat(catalog.edition("JJG 539-2016").unconfirmedRules())
                .hasSize(ProcedureEdition.REQUIRED_RULES.size());
        assertThat(catalog.edition("JJG 539-2016").tag()).isEqualTo(EvidenceTag.M);
        assertThat(catalog.edition("JJG 539-2016").effectiveFrom()).isEqualTo(LocalDate.of(2017, 5, 30));
        assertThat(catalog.edition("JJG 539-2016").effectiveUntil()).isEmpty();
    }

    @ParameterizedTest(name = "{0} names its source and tag legend in the header")
    @ValueSource(strings = {ScaleProcedureCatalog.EDITIONS_RESOURCE, ScaleProcedureCatalog.RULES_RESOURCE})
    void dataFilesNameTheirSourceAndTagInTheHeader(String resource) throws IOException {
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(text).contains("# source: ").contains("# tag: ").contains("M = remembered or from a secondary"
                + " source only");
    }

    @Test
    void aCorrectedRuleChangesThePlanWithoutACodeChange() {
        ProcedureEdition corrected = edition("JJG 539-2026", LocalDate.of(2026, 1, 1), null,
                rule("repeatability.weighings_below_threshold", "5"),
                rule("discrimination.extra_load", "1.4 e"),
                rule("weighing.minimum_loads", "6"));
        var classII = ScaleUnderTest.of(new ScaleParameters(AccuracyClass.II, g("2000"), g("0.1"), g("0.01")), 4,
                true);

        var plan = ScaleTestPlan.generate(classII, VerificationType.INITIAL, corrected);
        var current = ScaleTestPlan.generate(classII, VerificationType.INITIAL, ScaleFixtures.jjg539());

        assertThat(plan.points(ScaleTest.REPEATABILITY)).extracting(TestPoint::weighings).containsOnly(5);
        assertThat(current.points(ScaleTest.REPEATABILITY)).extracting(TestPoint::weighings).containsOnly(10);
        assertThat(plan.points(ScaleTest.DISCRIMINATION)).extracting(TestPoint::extraLoad).containsOnly(g("0.14"));
        assertThat(current.points(ScaleTest.DISCRIMINATION)).extracting(TestPoint::extraLoad)
                .containsOnly(g("0.014"));
        assertThat(plan.points(ScaleTest.WEIGHING)).hasSize(12);
        assertThat(current.points(ScaleTest.WEIGHING)).hasSize(10);
    }

    @Test
    void anOldResultKeepsTheEditionItWasMadeWith() {
        ProcedureEdition old = edition("JJG 539-2016", LocalDate.of(2017, 5, 30), LocalDate.of(2025, 12, 31));
        ProcedureEdition next = edition("JJG 539-2026", LocalDate.of(2026, 1, 1), null,
                rule("repeatability.weighings_below_threshold", "5"));
        var editions = new ScaleProcedureCatalog(List.of(old, next));
        var plan = ScaleTestPlan.generate(demoScale(), VerificationType.SUBSEQUENT,
                editions.inForce("JJG 539", LocalDate.of(2025, 6, 1)));
        ScaleVerificationResult result = plan.evaluate(new ScaleReadings(errorFreeReadings(plan)));

        assertThat(editions.inForce("JJG 539", LocalDate.of(2026, 1, 1)).edition()).isEqualTo("JJG 539-2026");
        assertThat(result.plan().edition().edition()).isEqualTo("JJG 539-2016");
        assertThat(editions.edition(result.plan().edition().edition()).repeatabilityWeighings(g("30000")))
                .isEqualTo(10);
        assertThat(result.plan().edition().citation()).isEqualTo("JJG 539-2016 (from 2017-05-30 until 2025-12-31)");
    }

    @Test
    void refusesOverlappingEditionsOfOneProcedure() {
        ProcedureEdition old = edition("JJG 539-2016", LocalDate.of(2017, 5, 30), null);
        ProcedureEdition next = edition("JJG 539-2026", LocalDate.of(2026, 1, 1), null);

        assertThatThrownBy(() -> new ScaleProcedureCatalog(List.of(old, next)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap in time");
    }

    @Test
    void refusesAnEditionLackingARule() {
        List<ProcedureRule> rules = new ArrayList<>(ScaleFixtures.jjg539().rules());
        rules.removeIf(r -> r.name().equals("tare.fraction_of_max_tare"));

        assertThatThrownBy(() -> new ProcedureEdition("JJG 539", "JJG 539-2026", LocalDate.of(2026, 1, 1), null,
                "test", EvidenceTag.M, rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JJG 539-2026 lacks the rules [tare.fraction_of_max_tare]");
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is refused")
    @CsvSource(delimiter = '|', textBlock = """
            discrimination.extra_load                | 1.4 g        | expected a factor and d or e
            repeatability.weighings_below_threshold  | 2.5          | must be a whole number
            repeatability.loads                      | 0.5Max Half  | Not a load: "Half"
            repeatability.threshold_max              | 1000         | Not a mass
            tare.fraction_of_max_tare                | 1.5          | cannot exceed 1
            zero.limit_e                             | -0.25        | must be greater than zero
            """)
    void refusesAnUnreadableRule(String rule, String value, String why) {
        assertThatThrownBy(() -> edition("JJG 539-2026", LocalDate.of(2026, 1, 1), null, rule(rule, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JJG 539-2026: rule " + rule + " = \"" + value + "\"")
                .hasMessageContaining(why);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"Min, Min", "Max, Max", "0.5Max, 50 % Max", "0.25Max, 25 % Max"})
    void relativeLoadsReadAsTheDataWritesThem(String text, String label) {
        RelativeLoad load = RelativeLoad.parse(text);

        assertThat(load.label()).isEqualTo(label);
        assertThat(load).hasToString(text);
    }

    @Test
    void halfMaxIsRoundedDownToAMultipleOfE() {
        var instrument = ScaleUnderTest.of(ScaleFixtures.classIII("15 kg", "5 g"), 4, true);
        var odd = ScaleUnderTest.of(ScaleFixtures.classIII("3 kg", "2 g"), 4, true);

        assertThat(RelativeLoad.parse("0.5Max").resolve(instrument)).isEqualTo(g("7500"));
        assertThat(RelativeLoad.parse("0.333Max").resolve(odd)).isEqualTo(g("998"));
        assertThat(RelativeLoad.MIN.resolve(instrument)).isEqualTo(g("100"));
    }

    private static ProcedureEdition edition(String name, LocalDate from, LocalDate until, ProcedureRule... changed) {
        List<ProcedureRule> rules = new ArrayList<>();
        for (ProcedureRule rule : ScaleFixtures.jjg539().rules()) {
            ProcedureRule replacement = rule;
            for (ProcedureRule c : changed) {
                if (c.name().equals(rule.name())) {
                    replacement = c;
                }
            }
            rules.add(replacement);
        }
        return new ProcedureEdition("JJG 539", name, from, until, "test edition", EvidenceTag.M, rules);
    }

    private static ProcedureRule rule(String name, String value) {
        return new ProcedureRule(name, value, "test correction", EvidenceTag.M);
    }
}
