package org.jiliang.lims.method.netcontent;

import static org.jiliang.lims.metrology.quantity.Decimals.toFourDecimals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jiliang.lims.metrology.prepackage.DrainingRule;
import org.jiliang.lims.metrology.prepackage.LotEvaluation;
import org.jiliang.lims.metrology.prepackage.NetContentRefusal;
import org.jiliang.lims.metrology.prepackage.TareRule;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.order.ReadingEntry;
import org.jiliang.lims.order.JobResult;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.platform.Messages;
import org.jiliang.lims.platform.RefusedException;

/**
 * A lot's results from its raw readings, computed anew each time (a corrected weighing changes them): the average
 * tare, each package's actual content, shortfall and standing as soon as its gross and tare are there, and the
 * verdict once every package is.
 */
final class NetContentJobResult implements JobResult {

    /**
     * One package as the page and the report show it: figures in the point unit (gross, tare), content in Q_n's; how it
     * was prepared as typed at its weighing (draining time, thawing water), or null.
     */
    record PackageFigures(int ordinal, BigDecimal gross, BigDecimal tare,
            LotEvaluation.PackageResult result, String conditions) {
    }

    private final Lot lot;
    private final Map<TestPoint, PointOutcome> outcomes = new HashMap<>();
    private final List<PackageFigures> packages = new ArrayList<>();
    private final BigDecimal averageTare;
    /** Why the empty packagings' tares may not be averaged (each package's own tare is typed), or null. */
    private final RefusedException averageRefusal;
    private final RefusedException problem;
    private final LotEvaluation.Verdict verdict;

    private NetContentJobResult(Lot lot, VerificationJob job) {
        this.lot = lot;
        List<TestPoint> points = job.testPoints();
        List<TestPoint> tarePoints = points.stream().filter(p -> NetContentInspectionMethod.TARE.equals(p.testKind()))
                .toList();
        for (TestPoint p : tarePoints) {
            if (p.captured()) {
                outcomes.put(p, new PointOutcome(null, true, "皮重 tare", "皮重 tare " + p.quantity(value(p))));
            }
        }
        boolean taresDone = tarePoints.stream().allMatch(TestPoint::captured);
        BigDecimal average = !tarePoints.isEmpty() && taresDone
                ? TareRule.mean(tarePoints.stream().map(NetContentJobResult::value).toList()) : null;
        Optional<NetContentRefusal> refused = NetContentInspectionMethod.averageRefused(lot, job);
        this.averageTare = average;
        this.averageRefusal = refused.map(Lot::refused).orElse(null);
        RefusedException found = null;
        int ordinal = 0;
        for (TestPoint p : points) {
            if (!NetContentInspectionMethod.PACKAGE.equals(p.testKind())) {
                continue;
            }
            ordinal++;
            if (!p.captured()) {
                continue;
            }
            BigDecimal tare = null;
            BigDecimal content;
            if (lot.weighed()) {
                TestPoint ownTare = points.stream().filter(t -> NetContentInspectionMethod.own(t, p)).findFirst()
                        .orElse(null);
                Optional<ReadingEntry> typedTare = p.latest().entry(NetContentInspectionMethod.OWN_TARE);
                if (ownTare != null) {
                    tare = ownTare.captured() ? value(ownTare) : null;
                    if (tare != null && lot.draining() != null
                            && ownTare.latest().capturedAt().isAfter(p.latest().capturedAt())) {
                        // a sieve weighed again after the product drained on it is wet: the product is weighed again
                        found = found != null ? found
                                : new RefusedException("error.lot.sieveAfterProduct", ownTare.label(), p.label());
                        continue;
                    }
                } else if (refused.isPresent()) {
                    // the average is refused: this package's own tare, typed at its capture
                    tare = typedTare.map(e -> new Quantity(new BigDecimal(e.valueText()), Units.of(e.unit()))
                            .to(Lot.GRAM).value()).orElse(null);
                    if (tare == null) {
                        found = found != null ? found : new RefusedException("error.lot.ownTareMissing", p.label());
                        continue;
                    }
                } else {
                    tare = average;
                }
                if (tare == null) {
                    continue;
                }
                if (ownTare != null) {
                    String what = lot.draining() == null ? "皮重 tare" : "筛 sieve";
                    outcomes.put(ownTare, new PointOutcome(null, true, what, what + " " + ownTare.quantity(tare)));
                }
                try {
                    // gross − tare in grams (a tare above its gross refused, with both), then as the label states it
                    content = lot.content(LotEvaluation.content(p.quantity(value(p)),
                            p.quantity(tare.stripTrailingZeros()), Lot.GRAM));
                } catch (NetContentRefusal e) {
                    found = found != null ? found : Lot.refused(e);
                    continue;
                }
            } else {
                ReadingEntry typed = p.latest().entry(NetContentInspectionMethod.CONTENT).orElseThrow();
                content = new Quantity(new BigDecimal(typed.valueText()), Units.of(typed.unit()))
                        .to(lot.labelled().unit(), java.math.MathContext.DECIMAL64).stripped().value();
            }
            LotEvaluation.PackageResult r = LotEvaluation.judge(lot.t(), ordinal, content);
            packages.add(new PackageFigures(ordinal, lot.weighed() ? value(p) : null, tare, r,
                    NetContentInspectionMethod.conditions(p.latest())));
            outcomes.put(p, new PointOutcome(new Quantity(content, lot.labelled().unit()),
                    r.standing() == LotEvaluation.Standing.WITHIN_T, standing(r.standing()),
                    "q = " + toFourDecimals(content) + " " + unit() + ", Q_n − q = " + toFourDecimals(r.shortfall())
                            + " " + unit()));
        }
        this.problem = found;
        this.verdict = found == null && packages.size() == lot.sample()
                ? LotEvaluation.evaluate(lot.t(), lot.plan(), lot.lotSize(),
                        packages.stream().map(f -> f.result().content()).toList())
                : null;
    }

    static NetContentJobResult of(Lot lot, VerificationJob job) {
        return new NetContentJobResult(lot, job);
    }

    private static BigDecimal value(TestPoint p) {
        return p.latest().indicationValue();
    }

    /** What keeps the lot from a verdict that is not a missing weighing (the tare rule, a tare above a gross). */
    Optional<RefusedException> problem() {
        return Optional.ofNullable(problem);
    }

    Lot lot() {
        return lot;
    }

    List<PackageFigures> packages() {
        return packages;
    }

    Optional<LotEvaluation.Verdict> verdict() {
        return Optional.ofNullable(verdict);
    }

    @Override
    public Optional<PointOutcome> point(TestPoint point) {
        return Optional.ofNullable(outcomes.get(point));
    }

    @Override
    public Optional<String> requirement(TestPoint point) {
        return NetContentInspectionMethod.PACKAGE.equals(point.testKind())
                ? Optional.of("Q_n − q ≤ T = " + lot.t().t().stripped()) : Optional.empty();
    }

    @Override
    public Optional<String> measure(TestPoint point) {
        return NetContentInspectionMethod.PACKAGE.equals(point.testKind()) ? Optional.of("q") : Optional.empty();
    }

    @Override
    public Optional<Boolean> passed() {
        return verdict().map(LotEvaluation.Verdict::passed);
    }

    @Override
    public Optional<String> conclusion() {
        return verdict().map(v -> v.passed() ? "检验结论：合格 / verdict on the lot: passed"
                : "检验结论：不合格 / verdict on the lot: failed");
    }

    @Override
    public List<String> nonConformities() {
        return verdict().map(v -> v.reasons().stream().map(NetContentJobResult::bilingual).toList()).orElse(List.of());
    }

    @Override
    public Object details() {
        return new NetContentDetails(lot.edition(), lot.labelled().toString(), t(), plan(), tare(), statistics().orElse(null),
                conclusion().orElse(null), nonConformities());
    }

    /** "T = 15 g (JJF 1070-2023: mass 500 g < Q_n ≤ 1000 g: 15 g)". */
    String t() {
        return "T = " + lot.t().t().stripped() + "（" + lot.edition() + "：" + lot.t().band().describe() + "）";
    }

    /** "N = 40: n = 10, λ = 1.028, at most 0 packages beyond T, none beyond 2T". */
    String plan() {
        var plan = lot.plan();
        return "N = " + lot.lotSize() + "：n = " + lot.sample()
                + (plan.judgesMean() ? "，λ = " + plan.lambda().toPlainString() : "，逐件判定 / each package judged alone")
                + "；超出 T 至多 " + plan.allowedBeyondT() + " 件 / at most " + plan.allowedBeyondT()
                + " beyond T；超出 2T 不允许 / none beyond 2T";
    }

    /** How the tare was found, with the average once known. */
    String tare() {
        if (!lot.weighed()) {
            return "不称量：实际含量按测得值录入 / not weighed: each content typed as measured";
        }
        if (lot.draining() != null) {
            return drained(lot.draining());
        }
        if (lot.ownTare()) {
            return "逐件皮重 / each package's own tare";
        }
        if (averageRefusal != null) {
            return "空包装皮重不宜取平均，逐件皮重 / the empty packagings' tares may not be averaged: each package's own"
                    + " tare (" + averageRefusal.getMessage() + ")";
        }
        return "平均皮重，" + lot.packagings() + " 个空包装 / average tare of " + lot.packagings() + " empty packagings"
                + (averageTare == null ? "" : "：" + toFourDecimals(averageTare) + " g")
                + (lot.density() == null ? "" : "；密度 / density " + lot.density().toPlainString() + " g/mL");
    }

    /** How a drained, deglazed or thawed content was found, with the rule's sieve, draining time and water. */
    private String drained(DrainingRule rule) {
        Object[] arguments = {rule.sieveFor(lot.labelled()).toPlainString(), rule.meshMm().toPlainString(),
                rule.drainSeconds().toPlainString(), lot.edition(),
                rule.thawed() ? rule.waterMinC().toPlainString() : "",
                rule.thawed() ? rule.waterMaxC().toPlainString() : ""};
        String key = "netContent.preparation." + rule.preparation().name().toLowerCase(Locale.ROOT);
        return Messages.format(Locale.SIMPLIFIED_CHINESE, key, arguments) + " / "
                + Messages.format(Locale.ENGLISH, key, arguments);
    }

    /** The sample's statistics, once every package is there. */
    Optional<String> statistics() {
        return verdict().map(v -> "样本平均实际含量 / sample mean " + toFourDecimals(v.mean()) + " " + unit()
                + (v.deviation() == null ? "" : "，s = " + toFourDecimals(v.deviation()) + " " + unit())
                + (v.meanLimit() == null ? "" : "，Q_n − λ·s = " + toFourDecimals(v.meanLimit()) + " " + unit())
                + "；超出 T / beyond T: " + v.beyondT() + "，超出 2T / beyond 2T: " + v.beyondTwoT());
    }

    String unit() {
        return lot.labelled().unit().symbol();
    }

    static String standing(LotEvaluation.Standing s) {
        return switch (s) {
            case WITHIN_T -> "≤ T";
            case BEYOND_T -> "> T";
            case BEYOND_TWO_T -> "> 2T";
        };
    }

    static String bilingual(LotEvaluation.Reason r) {
        Object[] arguments = r.arguments().toArray();
        return Messages.format(Locale.SIMPLIFIED_CHINESE, r.key(), arguments) + " / "
                + Messages.format(Locale.ENGLISH, r.key(), arguments);
    }
}
