package org.jiliang.lims.method.netcontent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiliang.lims.bench.BenchDevice;
import org.jiliang.lims.bench.DeviceFrame;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.order.ImplausibleReadingException;
import org.jiliang.lims.order.JobResult;
import org.jiliang.lims.order.ReadingEntry;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.SourceKeys;
import org.jiliang.lims.procedure.ProcedureVersion;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.registry.InstrumentParameter;
import org.jiliang.lims.registry.InstrumentParameters;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.registry.ParameterSpec;
import org.jiliang.lims.standard.MeasurementStandard;
import org.junit.jupiter.api.Test;

/**
 * A lot of prepackages as a kind of job, without the server: the plan looked up from the lot size, the tares before
 * the packages, every bad weighing refused before it is stored, the lot's verdict from the readings; and a lot's
 * parameters refused at registration when the rules cannot judge it.
 */
class NetContentInspectionMethodTest {

    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    private static final ProcedureVersion EDITION = new ProcedureVersion(NetContentInspectionMethod.PROCEDURE,
            "定量包装商品净含量计量检验规则", "CALIBRATION", LocalDate.of(2024, 10, 12),
            NetContentInspectionMethod.TEST_PLAN, Set.of("I"), new BigDecimal("10"), new BigDecimal("35"),
            new BigDecimal("85"), "test data");

    private final NetContentInspectionMethod method = new NetContentInspectionMethod();
    private final PrepackageLotKind kind = new PrepackageLotKind();
    private final UserAccount technician = new UserAccount("technician", "张伟", "jiliang".toCharArray(),
            Set.of(Roles.TECHNICIAN), null, AT);
    private final BenchDevice balance = new BenchDevice("CMP-01", "天平", "mt-sics", "127.0.0.1", 4001, "SI", 300, true);
    private final MeasurementStandard standard = new MeasurementStandard("STD-BAL-009", "天平", "I", "B-1", "JZJ-1",
            "国家基准", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31));

    @Test
    void anAverageTareLotWeighsItsEmptyPackagingsThenThePlansSample() {
        VerificationJob job = lot("500 g", "40", PrepackageLotKind.AVERAGE_TARE, null);
        // N = 40: n = 10 (plan 11–50), 10 empty packagings (the tare rule)
        assertThat(job.testPoints()).extracting(TestPoint::testKind).containsExactly("TARE", "TARE", "TARE", "TARE",
                "TARE", "TARE", "TARE", "TARE", "TARE", "TARE", "PACKAGE", "PACKAGE", "PACKAGE", "PACKAGE", "PACKAGE",
                "PACKAGE", "PACKAGE", "PACKAGE", "PACKAGE", "PACKAGE");
        assertThat(job.testPoints()).allMatch(p -> p.quantityUnit().symbol().equals("g"));
        TestPoint firstPackage = job.testPoint(11);
        assertThatThrownBy(() -> check(firstPackage, "506")).isInstanceOf(RefusedException.class)
                .extracting(e -> ((RefusedException) e).messageKey()).isEqualTo("error.lot.taresFirst");
    }

    @Test
    void aLotPassesOnItsAverageTareAndFailsOnOnePackageBeyondTwoT() {
        VerificationJob job = lot("500 g", "40", PrepackageLotKind.AVERAGE_TARE, null);
        for (int j = 1; j <= 10; j++) {
            weigh(job.testPoint(j), "5");
        }
        String[] gross = {"506", "505", "504", "503", "506", "505", "504", "503", "506", "505"}; // none equal to the one before
        for (int i = 0; i < gross.length; i++) {
            weigh(job.testPoint(11 + i), gross[i]);
        }
        JobResult result = method.evaluate(job);
        assertThat(result.passed()).contains(true);
        // 506 − 5 = 501 g: 1 g above Q_n
        assertThat(result.point(job.testPoint(11)).orElseThrow().measured().toString()).isEqualTo("501 g");
        assertThat(NetContentJobResult.of(NetContentInspectionMethod.lot(job), job).packages())
                .as("nothing typed, no conditions line").extracting(NetContentJobResult.PackageFigures::conditions)
                .containsOnlyNulls();

        // a correction of package 3 to 474.9 g: 469.9 g, short by 30.1 g > 2T = 30 g
        job.testPoint(13).capture(job.testPoint(13).quantity(new BigDecimal("474.9")), job.testPoint(13)
                .quantity(BigDecimal.ZERO), frame(job.testPoint(13), "474.9"), technician, AT.plusSeconds(99),
                List.of(standard), "package 3 weighed again", List.of());
        JobResult failed = method.evaluate(job);
        assertThat(failed.passed()).contains(false);
        assertThat(failed.point(job.testPoint(13)).orElseThrow().passed()).isFalse();
        assertThat(failed.nonConformities()).singleElement().asString().contains("2 倍允许短缺量", "30 g");
    }

    @Test
    void aTareAboveTheGrossAndTheSameGrossTwiceAreCaughtBeforeTheyAreStored() {
        VerificationJob job = lot("500 g", "8", PrepackageLotKind.OWN_TARE, null);
        // N = 8: every package, each followed by its own tare; no empty packagings
        assertThat(job.testPoints()).hasSize(16);
        assertThatThrownBy(() -> check(job.testPoint(2), "5")).isInstanceOf(RefusedException.class)
                .extracting(e -> ((RefusedException) e).messageKey()).isEqualTo("error.lot.grossFirst");
        weigh(job.testPoint(1), "506.1");
        assertThatThrownBy(() -> check(job.testPoint(2), "600")).isInstanceOf(RefusedException.class)
                .extracting(e -> ((RefusedException) e).messageKey()).isEqualTo("error.netContent.tare");
        assertThatThrownBy(() -> check(job.testPoint(3), "506.1")).isInstanceOf(ImplausibleReadingException.class)
                .extracting(e -> ((RefusedException) e).messageKey()).isEqualTo("error.lot.sameGross");
        check(job.testPoint(3), "506.2");
        weigh(job.testPoint(2), "5.1");
        weigh(job.testPoint(3), "506.2");
        weigh(job.testPoint(4), "5.2");
        // package 3 equal to package 1 (not the one before it): chance, not a slip
        check(job.testPoint(5), "506.1");
    }

    @Test
    void aVolumeWithItsDensityIsWeighedAndACountIsTyped() {
        VerificationJob oil = lot("1 L", "5", PrepackageLotKind.AVERAGE_TARE, "0.92");
        for (int j = 1; j <= 5; j++) {
            weigh(oil.testPoint(j), "40");
        }
        for (int i = 6; i <= 10; i++) {
            // 920 g of oil at 0.92 g/mL: 1000 mL (each package a little apart from the one before)
            weigh(oil.testPoint(i), i % 2 == 0 ? "960" : "960.1");
        }
        JobResult result = method.evaluate(oil);
        assertThat(result.passed()).contains(true);
        assertThat(result.point(oil.testPoint(6)).orElseThrow().measured().toString()).isEqualTo("1 L");
        // 920.1 g / 0.92 g/mL = 1000.1087 mL
        assertThat(result.point(oil.testPoint(7)).orElseThrow().measured().value()).isEqualByComparingTo("1.000108695652174");

        VerificationJob pegs = lot("50 pcs", "5", null, null);
        assertThat(method.readsBenchDevice(pegs.testPoint(1))).isFalse();
        assertThat(method.entries(pegs.testPoint(1))).extracting(ParameterSpec::name).containsExactly("content");
        // a count is whole and not below zero; an empty package is 0
        assertThatThrownBy(() -> method.checkEntries(pegs.testPoint(1), null, List.of(entry("content", "49.5", "pcs")), AT))
                .isInstanceOf(RefusedException.class).extracting(e -> ((RefusedException) e).messageKey())
                .isEqualTo("error.lot.content");
        method.checkEntries(pegs.testPoint(1), null, List.of(entry("content", "0", "pcs")), AT);
    }

    @Test
    void aTypedContentInAnotherUnitOfItsKindIsJudgedInTheLabelledUnit() {
        // 20 m: T = 2 % = 0.4 m (the length band above 5 m); five pieces, none may be short by more than T (N ≤ 10)
        VerificationJob tape = lot("20 m", "5", null, null);
        String[] typed = {"1995 cm", "20.01 m", "19.8 m", "2000 cm", "19.9 m"};
        for (int i = 0; i < typed.length; i++) {
            String[] v = typed[i].split(" ");
            type(tape.testPoint(i + 1), entry("content", v[0], v[1]));
        }
        JobResult result = method.evaluate(tape);
        assertThat(result.point(tape.testPoint(1)).orElseThrow().measured().toString()).isEqualTo("19.95 m");
        assertThat(result.passed()).contains(true);
        type(tape.testPoint(3), entry("content", "1950", "cm")); // short by 0.5 m > T
        assertThat(method.evaluate(tape).passed()).contains(false);
    }

    @Test
    void whenTheTaresMayNotBeAveragedEachPackagesOwnTareIsTypedAtItsCapture() {
        // Q_n 100 g: the mean tare 20 g is above 10 % of Q_n and the tares scatter far beyond 0.25 T = 1.125 g
        VerificationJob job = lot("100 g", "5", PrepackageLotKind.AVERAGE_TARE, null);
        String[] tares = {"15", "25", "15", "25", "20"};
        for (int j = 1; j <= 5; j++) {
            assertThat(method.entries(job.testPoint(6))).isEmpty();
            weigh(job.testPoint(j), tares[j - 1]);
        }
        TestPoint first = job.testPoint(6);
        assertThat(method.entries(first)).extracting(ParameterSpec::name).containsExactly("tare");
        check(first, "118");
        assertThatThrownBy(() -> method.checkEntries(first, first.quantity(new BigDecimal("118")),
                List.of(entry("tare", "0.2", "kg")), AT)).isInstanceOf(RefusedException.class)
                .extracting(e -> ((RefusedException) e).messageKey()).isEqualTo("error.netContent.tare");
        String[] gross = {"118", "125", "121", "119", "122"};
        String[] own = {"18", "25", "21", "19", "22"};
        for (int i = 0; i < 5; i++) {
            TestPoint p = job.testPoint(6 + i);
            p.capture(p.quantity(new BigDecimal(gross[i])), p.quantity(BigDecimal.ZERO), frame(p, gross[i]), technician,
                    AT.plusSeconds(p.ordinal()), List.of(standard), null, List.of(entry("tare", own[i], "g")));
        }
        JobResult result = method.evaluate(job);
        assertThat(result.passed()).contains(true);
        assertThat(result.point(job.testPoint(6)).orElseThrow().measured().toString()).isEqualTo("100 g");
        assertThat(method.missingBeforeSubmit(job)).isEmpty();
    }

    @Test
    void aDrainedLotWeighsEachSieveEmptyBeforeItsProductAndHoldsTheDrainingTimeToTheRule() {
        // 400 g of drained mushrooms in brine, N = 8: every package, each on a sieve weighed empty first (R 87 Annex C)
        VerificationJob job = lot("400 g", "8", PrepackageLotKind.DRAINED, null);
        assertThat(job.testPoints()).hasSize(16);
        assertThat(job.testPoints()).extracting(TestPoint::testKind).startsWith("PACKAGE_TARE", "PACKAGE",
                "PACKAGE_TARE", "PACKAGE");
        assertThat(job.testPoint(1).label()).contains("筛", "20 cm", "sieve");
        assertThat(job.testPoint(2).label()).contains("沥干物", "drained product");
        // the product is not weighed before its sieve
        assertThatThrownBy(() -> check(job.testPoint(2), "582.5")).isInstanceOf(RefusedException.class)
                .extracting(e -> ((RefusedException) e).messageKey()).isEqualTo("error.lot.sieveFirst");
        assertThat(method.entries(job.testPoint(1))).isEmpty();
        assertThat(method.entries(job.testPoint(2))).extracting(ParameterSpec::name).containsExactly("drain.time");
        // drained 90 s: shorter than the 120 s of the rule; 2 min is enough
        assertThatThrownBy(() -> method.checkEntries(job.testPoint(2), job.testPoint(2).quantity(new BigDecimal("582.5")),
                List.of(entry("drain.time", "90", "s")), AT)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("120 s").extracting(e -> ((RefusedException) e).messageKey())
                .isEqualTo("error.lot.drainTime");
        method.checkEntries(job.testPoint(2), job.testPoint(2).quantity(new BigDecimal("582.5")),
                List.of(entry("drain.time", "2", "min")), AT);
        String[] sieves = {"180.2", "180.4", "180.1", "180.3", "180.2", "180.4", "180.1", "180.3"};
        String[] loaded = {"582.5", "581.9", "583.0", "580.8", "582.2", "581.6", "583.3", "581.0"};
        for (int i = 0; i < 8; i++) {
            weigh(job.testPoint(2 * i + 1), sieves[i]);
            if (i == 0) {
                // typed 2 min when the sieve was weighed empty 119 s ago: it cannot have drained that long on it
                TestPoint product = job.testPoint(2);
                Quantity onTheSieve = product.quantity(new BigDecimal("582.5"));
                List<ReadingEntry> twoMinutes = List.of(entry("drain.time", "2", "min"));
                Instant sieve = sieveWeighed(product);
                assertThatThrownBy(() -> method.checkEntries(product, onTheSieve, twoMinutes, sieve.plusSeconds(119)))
                        .isInstanceOf(RefusedException.class).hasMessageContaining("119 s")
                        .extracting(e -> ((RefusedException) e).messageKey()).isEqualTo("error.lot.drainSinceSieve");
                // two minutes on: as long as it can have drained, and as long as the rule asks
                method.checkEntries(product, onTheSieve, twoMinutes, sieve.plusSeconds(120));
            }
            drained(job.testPoint(2 * i + 2), loaded[i], "125");
        }
        JobResult result = method.evaluate(job);
        assertThat(result.passed()).contains(true);
        // 582.5 − 180.2 = 402.3 g drained; the sieve is the tare
        assertThat(result.point(job.testPoint(2)).orElseThrow().measured().toString()).isEqualTo("402.3 g");
        assertThat(result.point(job.testPoint(1)).orElseThrow().shown()).isEqualTo("筛 sieve 180.2 g");
        assertThat(((NetContentDetails) result.details()).tare()).contains("OIML R 87 附录 C", "OIML R 87 Annex C",
                "20 cm", "2.36 mm", "120 s");
        // the report prints under each package its draining time as typed
        assertThat(NetContentJobResult.of(NetContentInspectionMethod.lot(job), job).packages().get(0).conditions())
                .isEqualTo("沥干时间 125 s / draining time 125 s");
        // a sieve corrected to more than its sieve and product is refused; package 4 drained to 380.5 g: short by
        // 19.5 g, beyond T = 12 g (3 % of 400 g), and a lot of 8 allows none
        assertThatThrownBy(() -> check(job.testPoint(1), "600")).isInstanceOf(RefusedException.class)
                .extracting(e -> ((RefusedException) e).messageKey()).isEqualTo("error.netContent.tare");
        TestPoint fourth = job.testPoint(8);
        fourth.capture(fourth.quantity(new BigDecimal("560.8")), fourth.quantity(BigDecimal.ZERO),
                frame(fourth, "560.8"), technician, AT.plusSeconds(1000), List.of(standard), "weighed again",
                List.of(entry("drain.time", "130", "s")));
        JobResult failed = method.evaluate(job);
        assertThat(failed.passed()).contains(false);
        assertThat(failed.point(fourth).orElseThrow().measured().toString()).isEqualTo("380.5 g");

        // sieve 1 weighed again after its product drained on it (wet): no verdict until the product is weighed again
        TestPoint sieve = job.testPoint(1);
        sieve.capture(sieve.quantity(new BigDecimal("180.9")), sieve.quantity(BigDecimal.ZERO), frame(sieve, "180.9"),
                technician, AT.plusSeconds(1100), List.of(standard), "sieve weighed again", List.of());
        assertThat(method.evaluate(job).passed()).isEmpty();
        assertThat(method.missingBeforeSubmit(job)).get().extracting(RefusedException::messageKey)
                .isEqualTo("error.lot.sieveAfterProduct");
        TestPoint first = job.testPoint(2);
        first.capture(first.quantity(new BigDecimal("583.0")), first.quantity(BigDecimal.ZERO), frame(first, "583.0"),
                technician, AT.plusSeconds(1300), List.of(standard), "another package drained on the dry sieve",
                List.of(entry("drain.time", "120", "s")));
        assertThat(method.missingBeforeSubmit(job)).isEmpty();
        // 583.0 − 180.9 = 402.1 g
        assertThat(method.evaluate(job).point(first).orElseThrow().measured().toString()).isEqualTo("402.1 g");
    }

    @Test
    void aGlazedFrozenProductIsWeighedWithoutItsGlazeOnTheSieveForItsSize() {
        // 2 kg of glazed shrimp: above 1.4 kg the sieve is 30 cm across (R 87 Annex D)
        VerificationJob job = lot("2 kg", "5", PrepackageLotKind.DEGLAZED, null);
        assertThat(job.testPoint(1).label()).contains("30 cm");
        assertThat(job.testPoint(2).label()).contains("去冰衣", "deglazed");
        String[] loaded = {"2530.4", "2531.2", "2529.9", "2530.8", "2531.5"};
        for (int i = 0; i < 5; i++) {
            weigh(job.testPoint(2 * i + 1), "520");
            drained(job.testPoint(2 * i + 2), loaded[i], "120");
        }
        JobResult result = method.evaluate(job);
        // 2530.4 − 520 = 2010.4 g = 2.0104 kg, in the labelled unit
        assertThat(result.point(job.testPoint(2)).orElseThrow().measured().toString()).isEqualTo("2.0104 kg");
        assertThat(result.passed()).contains(true);
        assertThat(((NetContentDetails) result.details()).tare()).contains("冰衣", "OIML R 87 Annex D", "30 cm");
    }

    @Test
    void aProductInASauceIsWashedOnItsSieveThenDrainedAndTheReportSaysHow() {
        // 250 g of beans in tomato sauce, declared by drained washed mass (WELMEC 6.8): T = 9 g; a sieve of 20 cm
        VerificationJob job = lot("250 g", "5", PrepackageLotKind.DRAINED_WASHED, null);
        assertThat(job.testPoints()).extracting(TestPoint::testKind).startsWith("PACKAGE_TARE", "PACKAGE");
        assertThat(job.testPoint(1).label()).contains("筛", "20 cm");
        assertThat(job.testPoint(2).label()).contains("洗净沥干物", "washed and drained product");
        assertThat(method.entries(job.testPoint(2))).extracting(ParameterSpec::name).containsExactly("drain.time");
        String[] loaded = {"431.5", "430.9", "432.0", "431.1", "430.6"};
        for (int i = 0; i < 5; i++) {
            weigh(job.testPoint(2 * i + 1), "180.0");
            drained(job.testPoint(2 * i + 2), loaded[i], "120");
        }
        JobResult result = method.evaluate(job);
        // 431.5 − 180.0 = 251.5 g
        assertThat(result.point(job.testPoint(2)).orElseThrow().measured().toString()).isEqualTo("251.5 g");
        assertThat(result.passed()).contains(true);
        assertThat(((NetContentDetails) result.details()).tare()).contains("洗净沥干物", "温水", "warm water",
                "WELMEC Guide 6.8", "20 cm", "2.36 mm", "120 s", "JJF 1070-2023");
    }

    @Test
    void aBlockFrozenInIceIsThawedInWaterWithinTheRulesTemperaturesThenDrainedWithoutTheIce() {
        // 1 kg of shrimp frozen in a block of ice: thawed in flowing water at 23 to 29 °C, drained 2 min on a sieve of
        // 20 cm weighed empty before it (NIST Handbook 133 §2.6.1); T = 15 g
        VerificationJob job = lot("1 kg", "5", PrepackageLotKind.THAWED, null);
        assertThat(job.testPoint(1).label()).contains("筛", "20 cm", "empty");
        assertThat(job.testPoint(2).label()).contains("解冻沥干", "thawed and drained product");
        assertThat(method.entries(job.testPoint(2))).extracting(ParameterSpec::name, ParameterSpec::required)
                .containsExactly(tuple("thaw.water", true), tuple("drain.time", true));
        assertThat(method.entries(job.testPoint(1))).isEmpty();
        weigh(job.testPoint(1), "180.0");
        // water too cold (below zero too) or too warm is refused with the bounds in order and the package; the
        // bounds themselves are within
        for (String water : new String[] {"22.9 °C", "29.1 °C", "-2 °C", "0 °C", "303 K"}) {
            assertThatThrownBy(() -> thawed(job.testPoint(2), "1185.2", water)).as("water at %s", water)
                    .isInstanceOf(RefusedException.class)
                    .satisfies(e -> assertThat(((RefusedException) e).messageKey())
                            .isEqualTo("error.lot.waterTemperature"))
                    .satisfies(e -> assertThat(java.util.Arrays.asList(((RefusedException) e).arguments()))
                            .extracting(String::valueOf).containsExactly(water, "23", "29", job.testPoint(2).label()));
        }
        thawed(job.testPoint(2), "1185.2", "296.15 K"); // 23 °C, the lower bound, typed in kelvin
        String[] loaded = {"1184.6", "1186.0", "1185.5", "1184.9"};
        String[] waters = {"29 °C", "25.5 °C", "24 °C", "26 °C"};
        for (int i = 1; i < 5; i++) {
            weigh(job.testPoint(2 * i + 1), "180.0");
            thawed(job.testPoint(2 * i + 2), loaded[i - 1], waters[i - 1]);
        }
        JobResult result = method.evaluate(job);
        // 1185.2 − 180.0 = 1005.2 g = 1.0052 kg, in the labelled unit: the sieve is the tare, the melted ice drained off
        assertThat(result.point(job.testPoint(2)).orElseThrow().measured().toString()).isEqualTo("1.0052 kg");
        assertThat(result.passed()).contains(true);
        assertThat(((NetContentDetails) result.details()).tare()).contains("冻块解冻", "23 °C 至 29 °C",
                "between 23 °C and 29 °C", "melted ice not counted", "NIST Handbook 133 §2.6.1", "20 cm", "120 s");
        // the report prints under each package the water's temperature and the draining time, as typed
        assertThat(NetContentJobResult.of(NetContentInspectionMethod.lot(job), job).packages())
                .extracting(NetContentJobResult.PackageFigures::conditions).containsExactly(
                        "解冻水温 296.15 K，沥干时间 120 s / thawing water's temperature 296.15 K, draining time 120 s",
                        "解冻水温 29 °C，沥干时间 120 s / thawing water's temperature 29 °C, draining time 120 s",
                        "解冻水温 25.5 °C，沥干时间 120 s / thawing water's temperature 25.5 °C, draining time 120 s",
                        "解冻水温 24 °C，沥干时间 120 s / thawing water's temperature 24 °C, draining time 120 s",
                        "解冻水温 26 °C，沥干时间 120 s / thawing water's temperature 26 °C, draining time 120 s");
    }

    @Test
    void aLotTheRulesCannotJudgeIsRefusedAtRegistration() {
        assertThat(refusal("60 kg", "40", PrepackageLotKind.AVERAGE_TARE, null)).isEqualTo("error.netContent.outsideTable");
        assertThat(refusal("500 斤", "40", PrepackageLotKind.AVERAGE_TARE, null)).isEqualTo("error.netContent.unit");
        assertThat(refusal("five hundred grams", "40", PrepackageLotKind.AVERAGE_TARE, null)).isEqualTo("error.lot.labelled");
        assertThat(refusal("500 g", "40", null, null)).isEqualTo("error.lot.tareMissing");
        assertThat(refusal("50 pcs", "40", PrepackageLotKind.AVERAGE_TARE, null)).isEqualTo("error.lot.tareNotWeighed");
        assertThat(refusal("500 g", "40", PrepackageLotKind.AVERAGE_TARE, "1.1")).isEqualTo("error.lot.densityNotVolume");
        assertThat(refusal("1 L", "40", PrepackageLotKind.AVERAGE_TARE, "92")).isEqualTo("error.lot.density");
        assertThat(refusal("1 L", "40", PrepackageLotKind.DRAINED, "0.92")).isEqualTo("error.lot.drainedNotMass");
        assertThat(refusal("1 L", "40", PrepackageLotKind.DEGLAZED, null)).isEqualTo("error.lot.drainedNotMass");
        assertThat(refusal("1 L", "40", PrepackageLotKind.DRAINED_WASHED, null)).isEqualTo("error.lot.drainedNotMass");
        assertThat(refusal("20 pcs", "40", PrepackageLotKind.THAWED, null)).isEqualTo("error.lot.drainedNotMass");
    }

    @Test
    void everyKeyOfTheMethodIsInBothLanguages() {
        var keys = SourceKeys.in("src/main/java/org/jiliang/lims/method/netcontent",
                "\"((?:error\\.lot|error\\.netContent|netContent)\\.[A-Za-z]+)\"");
        assertThat(keys).contains("error.lot.taresFirst", "netContent.notice").hasSizeGreaterThanOrEqualTo(10);
        assertThat(SourceKeys.unsaid(keys)).isEmpty();
    }

    private String refusal(String labelled, String lotSize, String tare, String density) {
        try {
            parameters(labelled, lotSize, tare, density);
            throw new AssertionError("accepted " + labelled);
        } catch (RefusedException e) {
            return e.messageKey();
        }
    }

    private Map<String, InstrumentParameter.Value> parameters(String labelled, String lotSize, String tare,
            String density) {
        Map<String, String> given = new HashMap<>(Map.of("labelled", labelled, "lot.size", lotSize, "sampled.at",
                "成品库", "sampled.on", "2026-11-30"));
        if (tare != null) {
            given.put("tare", tare);
        }
        if (density != null) {
            given.put("density", density);
        }
        Map<String, InstrumentParameter.Value> values = new LinkedHashMap<>();
        for (ParameterSpec spec : kind.parameterSpecs()) {
            spec.check(given.get(spec.name())).ifPresent(v -> values.put(spec.name(), v));
        }
        kind.checkTogether(new InstrumentParameters(values));
        return values;
    }

    private VerificationJob lot(String labelled, String lotSize, String tare, String density) {
        Customer food = new Customer("C0001", "华东食品有限公司", "江海市", null);
        InstrumentUnderTest lot = InstrumentUnderTest.ofKind(food, kind, "白砂糖", "华东食品", "500 g 袋装", "HD-1",
                parameters(labelled, lotSize, tare, density), false, 12, "成品库");
        VerificationJob job = new VerificationJob("JY2026-00001", lot, null, EDITION, AT);
        job.assign(technician, balance);
        job.start();
        method.plan(job);
        return job;
    }

    private static ReadingEntry entry(String name, String value, String unit) {
        return new ReadingEntry(name, value, unit);
    }

    private void type(TestPoint point, ReadingEntry entry) {
        method.checkEntries(point, null, List.of(entry), AT);
        point.capture(null, point.quantity(BigDecimal.ZERO), null, technician, AT.plusSeconds(point.ordinal()),
                List.of(standard), point.captured() ? "typed again" : null, List.of(entry));
    }

    private void check(TestPoint point, String grams) {
        method.checkCapture(point, point.quantity(new BigDecimal(grams)), BigDecimal.ZERO);
    }

    private void weigh(TestPoint point, String grams) {
        check(point, grams);
        point.capture(point.quantity(new BigDecimal(grams)), point.quantity(BigDecimal.ZERO), frame(point, grams),
                technician, AT.plusSeconds(point.ordinal()), List.of(standard), null, List.<ReadingEntry>of());
    }

    /**
     * A drained product weighed on its sieve with the draining time typed at the capture, the time it drained after
     * its sieve was weighed empty (the sieve is the point before it).
     */
    private void drained(TestPoint point, String grams, String seconds) {
        List<ReadingEntry> typed = List.of(entry("drain.time", seconds, "s"));
        Instant at = sieveWeighed(point).plusSeconds(Long.parseLong(seconds));
        check(point, grams);
        method.checkEntries(point, point.quantity(new BigDecimal(grams)), typed, at);
        point.capture(point.quantity(new BigDecimal(grams)), point.quantity(BigDecimal.ZERO), frame(point, grams),
                technician, at, List.of(standard), null, typed);
    }

    /**
     * A block thawed in water at {@code water} (as typed at the bench, read by the method's own entry), drained the
     * rule's 120 s on its sieve and weighed on it.
     */
    private void thawed(TestPoint point, String grams, String water) {
        ParameterSpec waterEntry = method.entries(point).get(0);
        InstrumentParameter.Value typedWater = waterEntry.check(water).orElseThrow();
        List<ReadingEntry> typed = List.of(entry(waterEntry.name(), typedWater.text(), typedWater.unit()),
                entry("drain.time", "120", "s"));
        Instant at = sieveWeighed(point).plusSeconds(120);
        check(point, grams);
        method.checkEntries(point, point.quantity(new BigDecimal(grams)), typed, at);
        point.capture(point.quantity(new BigDecimal(grams)), point.quantity(BigDecimal.ZERO), frame(point, grams),
                technician, at, List.of(standard), null, typed);
    }

    private static Instant sieveWeighed(TestPoint product) {
        return product.job().testPoint(product.ordinal() - 1).latest().capturedAt();
    }

    private DeviceFrame frame(TestPoint point, String grams) {
        return new DeviceFrame(balance, "session-1", point.ordinal(), AT, ("S S " + grams + " g\r\n")
                .getBytes(StandardCharsets.US_ASCII), "STABLE", new BigDecimal(grams), "g", null);
    }
}
