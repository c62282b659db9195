package org.jiliang.lims.metrology.bloodpressure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jiliang.lims.metrology.CsvResource;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.metrology.scale.EvidenceTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The blood-pressure meter verification facts of docs/blood-pressure-verification.md as data: each file loads,
 * each line names its source and how far it was checked, and the figures a technician would look up first
 * match the document. No method reads these files yet (issue 10 §4 adds it); this test keeps them honest until
 * then.
 */
class BloodPressureVerificationDataTest {

    private static final String DIR = "metrology/bloodpressure/";
    private static final String EDITIONS = DIR + "procedure-editions.csv";
    private static final String MPE = DIR + "mpe.csv";
    private static final String POINTS = DIR + "test-points.csv";
    private static final String PARAMETERS = DIR + "procedure-parameters.csv";

    /** Conventional millimetre of mercury in pascal (13 595.1 kg/m3 × 9.806 65 m/s2 × 1 mm). */
    private static final BigDecimal PA_PER_MMHG = new BigDecimal("133.322387415");
    private static final Set<String> INSTRUMENT_TYPES = Set.of("AUTOMATED", "MERCURY", "ANEROID");
    private static final Set<String> UNITS = Set.of("kPa", "mmHg", "kPa/min", "mmHg/min", "kPa/s", "mmHg/s", "s");

    @ParameterizedTest
    @ValueSource(strings = {EDITIONS, MPE, POINTS, PARAMETERS})
    void everyFileNamesItsSourcesAndEveryLineSaysHowFarItWasChecked(String file) {
        CsvResource csv = CsvResource.load(file).requireMetadata("source", "edition", "tag");

        assertThat(csv.rows()).as(file).isNotEmpty();
        for (CsvResource.Row row : csv.rows()) {
            assertThat(row.text("source")).as(file + " line " + row.lineNumber()).isNotBlank();
            row.constant("tag", EvidenceTag.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MPE, POINTS, PARAMETERS})
    void everyLineBelongsToAKnownEdition(String file) {
        Set<String> editions = CsvResource.load(EDITIONS).rows().stream().map(r -> r.text("edition"))
                .collect(Collectors.toSet());

        for (CsvResource.Row row : CsvResource.load(file).rows()) {
            assertThat(editions).as(file + " line " + row.lineNumber()).contains(row.text("edition"));
        }
    }

    @Test
    void theEditionsInForceAreJjg692Of2010AndJjg270Of2008() {
        Map<String, String> procedureByEdition = CsvResource.load(EDITIONS).rows().stream()
                .collect(Collectors.toMap(r -> r.text("edition"), r -> r.text("procedure")));

        assertThat(procedureByEdition).containsEntry("JJG 692-2010", "JJG 692").containsEntry("JJG 270-2008", "JJG 270");
        for (CsvResource.Row row : CsvResource.load(EDITIONS).rows()) {
            for (String type : row.text("instrument_types").split(" ")) {
                assertThat(INSTRUMENT_TYPES).as(EDITIONS + " line " + row.lineNumber()).contains(type);
            }
        }
    }

    @Test
    void everyLimitHasABoundAUnitAndAVerificationTypeAndItsLowerBoundIsNotAboveItsUpperBound() {
        for (CsvResource.Row row : CsvResource.load(MPE).rows()) {
            String where = MPE + " line " + row.lineNumber();
            BigDecimal lower = row.decimalOrNull("lower");
            BigDecimal upper = row.decimalOrNull("upper");
            assertThat(lower != null || upper != null).as(where + ": a limit needs a bound").isTrue();
            if (lower != null && upper != null) {
                assertThat(lower).as(where).isLessThanOrEqualTo(upper);
            }
            assertThat(UNITS).as(where).contains(row.text("unit"));
            assertThat(INSTRUMENT_TYPES).as(where).contains(row.text("instrument_type"));
            for (String type : row.text("verification_types").split(" ")) {
                VerificationType.valueOf(type);
            }
        }
    }

    /**
     * The regulations give each pressure limit in kPa and in mmHg. The mmHg figure is the kPa figure converted
     * and rounded (to whole mmHg for automated meters, to 0.25 mmHg in JJG 270), so the two may differ by up to
     * half a millimetre of mercury but never by more: a larger gap is a typing error in one of them.
     */
    @Test
    void theKpaAndMmhgFormsOfEachLimitAreTheSameLimit() {
        Map<String, CsvResource.Row> kpa = new HashMap<>();
        List<CsvResource.Row> mmhg = new ArrayList<>();
        for (CsvResource.Row row : CsvResource.load(MPE).rows()) {
            String unit = row.text("unit");
            if (unit.startsWith("kPa")) {
                assertThat(kpa.put(limitKey(row), row)).as(MPE + " line " + row.lineNumber() + " is listed twice").isNull();
            } else if (unit.startsWith("mmHg")) {
                mmhg.add(row);
            }
        }
        assertThat(mmhg).isNotEmpty();
        for (CsvResource.Row row : mmhg) {
            CsvResource.Row inKpa = kpa.get(limitKey(row));
            assertThat(inKpa).as(MPE + " line " + row.lineNumber() + " has no kPa form").isNotNull();
            assertSameLimit(row, inKpa, "lower");
            assertSameLimit(row, inKpa, "upper");
        }
    }

    @Test
    void pointsRiseWithinTheNominalRangeOfZeroToFortyKpa() {
        for (CsvResource.Row row : CsvResource.load(POINTS).rows()) {
            String where = POINTS + " line " + row.lineNumber();
            List<BigDecimal> points = Arrays.stream(row.text("points").split(" ")).map(BigDecimal::new).toList();
            BigDecimal max = switch (row.text("unit")) {
                case "kPa" -> new BigDecimal("40");
                case "mmHg" -> new BigDecimal("300");
                default -> throw new AssertionError(where + ": unit " + row.text("unit"));
            };
            assertThat(points).as(where).isSorted().doesNotHaveDuplicates()
                    .allSatisfy(p -> assertThat(p).isBetween(BigDecimal.ZERO, max));
            assertThat(INSTRUMENT_TYPES).as(where).contains(row.text("instrument_type"));
        }
    }

    @Test
    void theFiguresReadInTheJjg270TextAreMarkedCheckedWithTheirValues() {
        CsvResource.Row zero = limit("JJG 270-2008", "MERCURY", "zero", "SUBSEQUENT", "kPa");
        assertThat(zero.decimal("lower")).isEqualByComparingTo("-0.2");
        assertThat(zero.decimal("upper")).isEqualByComparingTo("0.5");
        assertThat(zero.constant("tag", EvidenceTag.class)).isEqualTo(EvidenceTag.V);

        CsvResource.Row sensitivity = limit("JJG 270-2008", "MERCURY", "sensitivity", "INITIAL", "mmHg");
        assertThat(sensitivity.decimal("lower")).isEqualByComparingTo("2.25");
        assertThat(sensitivity.decimalOrNull("upper")).isNull();
        assertThat(sensitivity.constant("tag", EvidenceTag.class)).isEqualTo(EvidenceTag.V);

        CsvResource.Row settle = parameter("JJG 270-2008", "conditioning_time");
        assertThat(settle.decimal("value")).isEqualByComparingTo("2");
        assertThat(settle.text("unit")).isEqualTo("h");
        assertThat(settle.constant("tag", EvidenceTag.class)).isEqualTo(EvidenceTag.V);
    }

    /** Not confirmed in a copy of JJG 692-2010: the value is there, and so is the warning that it is remembered. */
    @Test
    void theUnconfirmedJjg692IndicationLimitsStayMarkedRemembered() {
        CsvResource.Row initial = limit("JJG 692-2010", "AUTOMATED", "cuff_pressure_indication", "INITIAL", "kPa");
        assertThat(initial.decimal("lower")).isEqualByComparingTo("-0.4");
        assertThat(initial.decimal("upper")).isEqualByComparingTo("0.4");
        assertThat(initial.constant("tag", EvidenceTag.class)).isEqualTo(EvidenceTag.M);

        CsvResource.Row inService = limit("JJG 692-2010", "AUTOMATED", "cuff_pressure_indication", "SUBSEQUENT", "mmHg");
        assertThat(inService.decimal("upper")).isEqualByComparingTo("4");
        assertThat(inService.constant("tag", EvidenceTag.class)).isEqualTo(EvidenceTag.M);
    }

    @Test
    void everyEditionHasTheLimitsOfItsIndicationTestForEveryVerificationType() {
        for (CsvResource.Row edition : CsvResource.load(EDITIONS).rows()) {
            for (String type : edition.text("instrument_types").split(" ")) {
                for (VerificationType verification : VerificationType.values()) {
                    limit(edition.text("edition"), type, "cuff_pressure_indication", verification.name(), "kPa");
                }
            }
        }
    }

    private static CsvResource.Row limit(String edition, String instrumentType, String test, String verificationType,
                                         String unit) {
        List<CsvResource.Row> found = CsvResource.load(MPE).rows().stream()
                .filter(r -> r.text("edition").equals(edition) && r.text("instrument_type").equals(instrumentType)
                        && r.text("test").equals(test)
                        && List.of(r.text("verification_types").split(" ")).contains(verificationType)
                        && r.text("unit").equals(unit))
                .toList();
        assertThat(found).as("%s %s %s %s in %s", edition, instrumentType, test, verificationType, unit).hasSize(1);
        return found.get(0);
    }

    private static CsvResource.Row parameter(String edition, String name) {
        List<CsvResource.Row> found = CsvResource.load(PARAMETERS).rows().stream()
                .filter(r -> r.text("edition").equals(edition) && r.text("name").equals(name)).toList();
        assertThat(found).as("%s %s", edition, name).hasSize(1);
        return found.get(0);
    }

    private static String limitKey(CsvResource.Row row) {
        String quantityPerTime = row.text("unit").contains("/") ? row.text("unit").substring(row.text("unit").indexOf('/')) : "";
        return String.join("|", row.text("edition"), row.text("instrument_type"), row.text("test"),
                row.text("verification_types"), quantityPerTime);
    }

    private static void assertSameLimit(CsvResource.Row mmhg, CsvResource.Row kpa, String bound) {
        BigDecimal inMmhg = mmhg.decimalOrNull(bound);
        BigDecimal inKpa = kpa.decimalOrNull(bound);
        String where = MPE + " lines " + kpa.lineNumber() + " and " + mmhg.lineNumber() + ", " + bound;
        assertThat(inMmhg == null).as(where + ": both or neither bounded").isEqualTo(inKpa == null);
        if (inMmhg != null) {
            BigDecimal converted = inKpa.multiply(new BigDecimal("1000")).divide(PA_PER_MMHG, MathContext.DECIMAL64);
            assertThat(converted.subtract(inMmhg).abs()).as(where + ": %s kPa is %s mmHg", inKpa, converted)
                    .isLessThanOrEqualTo(new BigDecimal("0.5"));
        }
    }
}
