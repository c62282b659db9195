package org.jiliang.lims.method.netcontent;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jiliang.lims.metrology.prepackage.DrainingRule;
import org.jiliang.lims.metrology.prepackage.NetContentRefusal;
import org.jiliang.lims.metrology.prepackage.TareRule;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.order.ImplausibleReadingException;
import org.jiliang.lims.order.JobResult;
import org.jiliang.lims.order.MeasurementMethod;
import org.jiliang.lims.order.PointReading;
import org.jiliang.lims.order.ReadingEntry;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.ParameterSpec;
import org.jiliang.lims.standard.MeasurementStandard;

/**
 * The net-content inspection of a lot of prepackages under JJF 1070 (docs/net-content.md): the sample size is the
 * plan's for the lot size; with an average tare the empty packagings are weighed first and the average is judged
 * against the tare rule before the first package; each package's gross is read from the bench balance (its own tare
 * right after it, when each package is tared on its own; a gross equal to the package's before it is held as the
 * same package weighed twice), and its actual content, shortfall and standing against T
 * and 2T are shown as soon as it is known; a content not found by weighing (a length, an area, a count, a volume
 * measured by volume) is typed per package. When the empty packagings' tares may not be averaged, each package's own
 * tare is typed at its capture. A drained, drained washed, deglazed or thawed content (OIML R 87 Annexes C, D; WELMEC
 * 6.8; NIST Handbook 133 §2.6.1) is weighed on a sieve weighed empty before it, which is its tare, with the draining
 * time typed and held to the rule's and to the time since that sieve's weighing, and a thawed block's water
 * temperature typed and held to the rule's. The lot's verdict comes
 * once every package is there.
 */
@ApplicationScoped
public class NetContentInspectionMethod implements MeasurementMethod {

    /** The plan's name as procedure editions record it. */
    public static final String TEST_PLAN = "JJF1070-LOT";
    public static final String PROCEDURE = "JJF 1070-2023";
    static final String TARE = "TARE";
    static final String PACKAGE = "PACKAGE";
    static final String PACKAGE_TARE = "PACKAGE_TARE";
    static final String CONTENT = "content";
    static final String OWN_TARE = "tare";
    static final String DRAIN_TIME = "drain.time";
    static final String WATER = "thaw.water";
    private static final ParameterSpec DRAIN_TIME_SPEC = ParameterSpec.quantity(DRAIN_TIME, "沥干时间", "Draining time",
            "time", true);
    /** What a thawed package's weighing asks; signed: water below 0 °C is refused by the rule's range, with its bounds. */
    private static final List<ParameterSpec> THAWED_SPECS = List.of(ParameterSpec.signedQuantity(WATER, "解冻水温",
            "Thawing water's temperature", "temperature", true), DRAIN_TIME_SPEC);

    @Override
    public String testPlan() {
        return TEST_PLAN;
    }

    @Override
    public String instrumentKind() {
        return PrepackageLotKind.KIND;
    }

    @Override
    public String procedureCode() {
        return PROCEDURE;
    }

    @Override
    public String jobSeries() {
        return "JY";
    }

    /** A lot is inspected, not verified: it has no type of verification. */
    @Override
    public boolean verification() {
        return false;
    }

    /** A lot is inspected (检验), not calibrated. */
    @Override
    public String work() {
        return "inspection";
    }

    static Lot lot(VerificationJob job) {
        return Lot.of(job.instrument().typedParameters());
    }

    @Override
    public void plan(VerificationJob job) {
        Lot lot = lot(job);
        int ordinal = 1;
        for (int j = 1; j <= lot.packagings(); j++) {
            job.addTestPoint(new TestPoint(job, ordinal++, "TARE-" + j, TARE, "空包装 " + j + " / empty packaging " + j,
                    lot.pointUnit(), null, null, 1));
        }
        for (int i = 1; i <= lot.sample(); i++) {
            if (lot.draining() != null) {
                // the sieve is weighed before the product is poured on it
                job.addTestPoint(sieve(job, ordinal++, i, lot));
            }
            String label = lot.draining() == null
                    ? (lot.weighed() ? "样本 " + i + " 毛重 / package " + i + " gross"
                            : "样本 " + i + " 实际含量 / package " + i + " content")
                    : switch (lot.draining().preparation()) {
                        case DRAINED -> "样本 " + i + " 筛 + 沥干物 / package " + i + " sieve + drained product";
                        case DRAINED_WASHED -> "样本 " + i + " 筛 + 洗净沥干物 / package " + i
                                + " sieve + washed and drained product";
                        case DEGLAZED -> "样本 " + i + " 筛 + 去冰衣产品 / package " + i + " sieve + deglazed product";
                        case THAWED -> "样本 " + i + " 筛 + 解冻沥干产品 / package " + i
                                + " sieve + thawed and drained product";
                    };
            job.addTestPoint(new TestPoint(job, ordinal++, "PKG-" + i, PACKAGE, label, lot.pointUnit(),
                    lot.weighed() ? null : lot.labelled(), null, 1));
            if (lot.ownTare() && lot.draining() == null) {
                job.addTestPoint(new TestPoint(job, ordinal++, "PKG-" + i + "-TARE", PACKAGE_TARE,
                        "样本 " + i + " 皮重 / package " + i + " tare", lot.pointUnit(), null, null, 1));
            }
        }
    }

    /** Package {@code i}'s sieve, its tare: the sieve of the rule's size for Q_n, weighed empty. */
    private static TestPoint sieve(VerificationJob job, int ordinal, int i, Lot lot) {
        String size = lot.draining().sieveFor(lot.labelled()).toPlainString() + " cm";
        return new TestPoint(job, ordinal, "PKG-" + i + "-TARE", PACKAGE_TARE, "样本 " + i + " 筛（" + size
                + "，空）/ package " + i + " sieve (" + size + ", empty)", lot.pointUnit(), null, null, 1);
    }

    /** The workflow's checks (valid today, of a class the edition accepts) are what a balance needs. */
    @Override
    public void checkStandard(VerificationJob job, MeasurementStandard standard) {
    }

    @Override
    public boolean needsPressure() {
        return false;
    }

    @Override
    public boolean takesAdditionalLoad() {
        return false;
    }

    @Override
    public boolean readsBenchDevice(TestPoint point) {
        return lot(point.job()).weighed();
    }

    /**
     * A content not found by weighing is typed with its unit (0 for an empty package); when the empty packagings'
     * tares refuse an average, each package's own tare is typed at its capture (the packaging emptied and weighed).
     */
    @Override
    public List<ParameterSpec> entries(TestPoint point) {
        Lot lot = lot(point.job());
        if (!lot.weighed()) {
            return List.of(ParameterSpec.signedQuantity(CONTENT, "实际含量", "Actual content",
                    lot.labelled().unit().kind(), true));
        }
        if (PACKAGE.equals(point.testKind()) && lot.draining() != null) {
            return lot.draining().thawed() ? THAWED_SPECS : List.of(DRAIN_TIME_SPEC);
        }
        if (PACKAGE.equals(point.testKind()) && averageRefused(lot, point.job()).isPresent()) {
            return List.of(ParameterSpec.quantity(OWN_TARE, "本件皮重", "This package's own tare", "mass", true));
        }
        return List.of();
    }

    /**
     * How a package was prepared, as typed at its weighing and as the report prints it under its figures: "解冻水温
     * 25.5 °C，沥干时间 125 s / thawing water's temperature 25.5 °C, draining time 125 s"; null for a package whose
     * weighing asks for none.
     */
    static String conditions(PointReading weighing) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (ParameterSpec spec : THAWED_SPECS) { // a drained package: its draining time alone
            weighing.entry(spec.name()).ifPresent(e -> {
                zh.add(spec.labelZh() + " " + e);
                en.add(spec.labelEn().toLowerCase(Locale.ROOT) + " " + e);
            });
        }
        return zh.isEmpty() ? null : String.join("，", zh) + " / " + String.join(", ", en);
    }

    /**
     * A typed content is not below zero, and a count is whole; a typed own tare is not above the gross; a drained,
     * deglazed or thawed product drained at least the rule's time, and no longer than has passed since its sieve was
     * weighed empty (the product is poured on the sieve after that weighing); a block thawed in water within the
     * rule's temperatures.
     */
    @Override
    public void checkEntries(TestPoint point, Quantity indication, List<ReadingEntry> entries, Instant at) {
        Lot lot = lot(point.job());
        for (ReadingEntry e : entries) {
            Quantity typed = new Quantity(new BigDecimal(e.valueText()), Units.of(e.unit()));
            if (CONTENT.equals(e.name())) {
                BigDecimal content = typed.to(lot.labelled().unit(), java.math.MathContext.DECIMAL64).value();
                if (content.signum() < 0 || "count".equals(lot.labelled().unit().kind())
                        && content.stripTrailingZeros().scale() > 0) {
                    throw new RefusedException("error.lot.content", typed, point.label());
                }
            } else if (DRAIN_TIME.equals(e.name())) {
                DrainingRule rule = lot.draining();
                BigDecimal seconds = typed.to(Units.of("s"), java.math.MathContext.DECIMAL64).value();
                if (!rule.longEnough(seconds)) {
                    throw new RefusedException("error.lot.drainTime", typed, rule.drainSeconds().toPlainString() + " s",
                            point.label());
                }
                TestPoint sieve = point.job().testPoints().stream().filter(p -> own(p, point)).findFirst().orElseThrow();
                if (sieve.captured()) {
                    Duration between = Duration.between(sieve.latest().capturedAt(), at);
                    Duration since = between.isNegative() ? Duration.ZERO : between; // a clock set back
                    if (seconds.compareTo(BigDecimal.valueOf(since.toMillis(), 3)) > 0) {
                        throw new RefusedException("error.lot.drainSinceSieve", typed, since.toSeconds() + " s",
                                sieve.label(), point.label());
                    }
                }
            } else if (WATER.equals(e.name())) {
                DrainingRule rule = lot.draining();
                BigDecimal celsius = typed.to(Units.of("°C"), java.math.MathContext.DECIMAL64).value();
                if (!rule.waterWithin(celsius)) {
                    throw new RefusedException("error.lot.waterTemperature", typed, rule.waterMinC().toPlainString(),
                            rule.waterMaxC().toPlainString(), point.label());
                }
            } else if (OWN_TARE.equals(e.name()) && indication != null
                    && typed.to(Lot.GRAM).value().compareTo(indication.value()) > 0) {
                throw new RefusedException("error.netContent.tare", typed, indication);
            }
        }
    }

    /**
     * Before a weighing is stored: the empty packagings before the packages, a tare not above any gross (the average,
     * or a package's own), a package's own tare after its gross (a sieve before the product drained on it); then a gross equal to the package's before it to the
     * last digit is held as implausible (the same package weighed twice) until the technician says why it is right.
     */
    @Override
    public void checkCapture(TestPoint point, Quantity indication, BigDecimal additionalLoad) {
        VerificationJob job = point.job();
        Lot lot = lot(job);
        BigDecimal value = indication.value();
        if (value.signum() < 0) {
            throw new RefusedException("error.lot.negative", indication, point.label());
        }
        List<TestPoint> points = job.testPoints();
        switch (point.testKind()) {
            case TARE -> {
                List<BigDecimal> tares = points.stream().filter(p -> TARE.equals(p.testKind()) && p != point
                        && p.captured()).map(p -> p.latest().indicationValue()).collect(
                                java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
                tares.add(value);
                BigDecimal mean = TareRule.mean(tares);
                boolean average = averageRefused(lot, tares).isEmpty();
                points.stream().filter(p -> average && PACKAGE.equals(p.testKind()) && p.captured())
                        .filter(p -> p.latest().indicationValue().compareTo(mean) < 0).findFirst().ifPresent(p -> {
                            throw new RefusedException("error.netContent.tare", p.quantity(mean.stripTrailingZeros()),
                                    p.quantity(p.latest().indicationValue()));
                        });
            }
            case PACKAGE -> {
                if (!lot.ownTare()) {
                    List<TestPoint> tarePoints = points.stream().filter(p -> TARE.equals(p.testKind())).toList();
                    long done = tarePoints.stream().filter(TestPoint::captured).count();
                    if (done < tarePoints.size()) {
                        throw new RefusedException("error.lot.taresFirst", done, tarePoints.size());
                    }
                    BigDecimal mean = TareRule.mean(tarePoints.stream().map(p -> p.latest().indicationValue()).toList());
                    if (averageRefused(lot, job).isEmpty() && mean.compareTo(value) > 0) {
                        throw new RefusedException("error.netContent.tare", point.quantity(mean.stripTrailingZeros()),
                                indication);
                    }
                }
                if (lot.draining() != null) {
                    points.stream().filter(p -> own(p, point)).filter(p -> !p.captured()).findFirst().ifPresent(p -> {
                        throw new RefusedException("error.lot.sieveFirst", p.label());
                    });
                }
                points.stream().filter(p -> own(p, point)).filter(TestPoint::captured)
                        .filter(p -> p.latest().indicationValue().compareTo(value) > 0).findFirst().ifPresent(p -> {
                            throw new RefusedException("error.netContent.tare",
                                    p.quantity(p.latest().indicationValue()), indication);
                        });
                // the usual slip: the package before is still on the pan (equal weights further apart are chance)
                points.stream().filter(p -> PACKAGE.equals(p.testKind()) && p.ordinal() < point.ordinal())
                        .reduce((first, second) -> second).filter(TestPoint::captured)
                        .filter(p -> p.latest().indicationValue().compareTo(value) == 0).ifPresent(p -> {
                            throw new ImplausibleReadingException("error.lot.sameGross", indication, p.label());
                        });
            }
            case PACKAGE_TARE -> {
                TestPoint gross = points.stream().filter(p -> own(point, p)).findFirst().orElseThrow();
                if (!gross.captured() && lot.draining() == null) {
                    throw new RefusedException("error.lot.grossFirst", gross.label());
                }
                if (gross.captured() && value.compareTo(gross.latest().indicationValue()) > 0) {
                    throw new RefusedException("error.netContent.tare", indication,
                            gross.quantity(gross.latest().indicationValue()));
                }
            }
            default -> throw new IllegalStateException("No such point in a lot: " + point.testKind());
        }
    }

    /**
     * Why the empty packagings' tares may not be averaged, once they are all weighed (a lot weighed with an average
     * tare); empty when they may, or are not all weighed yet.
     */
    static Optional<NetContentRefusal> averageRefused(Lot lot, VerificationJob job) {
        if (!lot.weighed() || lot.ownTare()) {
            return Optional.empty();
        }
        List<TestPoint> tarePoints = job.testPoints().stream().filter(p -> TARE.equals(p.testKind())).toList();
        if (!tarePoints.stream().allMatch(TestPoint::captured)) {
            return Optional.empty();
        }
        return averageRefused(lot, tarePoints.stream().map(p -> p.latest().indicationValue()).toList());
    }

    /** Why these empty packagings' tares (g) may not be averaged under the lot's edition; empty when they may. */
    private static Optional<NetContentRefusal> averageRefused(Lot lot, List<BigDecimal> tares) {
        return TareRule.of(lot.edition()).refusesAverage(lot.t(), tares.stream().map(lot::content).toList());
    }

    /** Whether {@code tare} is the own tare of the package {@code gross}. */
    static boolean own(TestPoint tare, TestPoint gross) {
        return PACKAGE_TARE.equals(tare.testKind()) && PACKAGE.equals(gross.testKind())
                && tare.planPointId().equals(gross.planPointId() + "-TARE");
    }

    /**
     * What keeps a lot from its verdict beyond a missing weighing: a tare above a gross after a correction, a package
     * weighed before a corrected tare refused the average and so without its own tare.
     */
    @Override
    public Optional<RefusedException> missingBeforeSubmit(VerificationJob job) {
        return NetContentJobResult.of(lot(job), job).problem();
    }

    @Override
    public JobResult evaluate(VerificationJob job) {
        return NetContentJobResult.of(lot(job), job);
    }

    @Override
    public String pages() {
        return "net-content";
    }
}
