package org.jiliang.reports.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a report of the net-content inspection of a lot of prepackages (定量包装商品净含量计量检验报告, JJF 1070) states:
 * the trader, the product, its labelled quantity with T, the lot and the sampling plan looked up for it, how the tare
 * was found, the specification, where and when the lot was sampled and inspected, each package of the sample, the
 * sample's statistics, the verdict and its reasons. A failed lot ({@link CertificateKind#NET_CONTENT_NOTICE}) also
 * carries the notice to the trader, in both languages. Every value is finished text.
 *
 * @param labelled   "500 g; T = 15 g (JJF 1070-2023 table: 500 g &lt; Q_n ≤ 1 000 g)"
 * @param plan       "N = 40: n = 10, λ = 1.028, at most 0 packages short by more than T"
 * @param statistics "q̄ = 501.2 g, s = 1.3 g, Q_n − λ·s = 498.7 g; 0 packages beyond T, 0 beyond 2T"
 * @param weighedUnit the unit of the gross and tare columns (g); contentUnit that of the content and shortfall (Q_n's)
 * @param weighed    what the gross and tare columns weighed: each package and its packaging, or each sieve with its
 *                   drained (deglazed, washed or thawed) product and the sieve empty
 * @param reasons    one line per failed rule, in both languages; empty for a lot that passed
 * @param noticeZh   the notice's text, null for a lot that passed
 */
public record InspectionReport(
        CertificateKind kind,
        String number,
        LocalDate issueDate,
        Laboratory laboratory,
        Customer trader,
        String product,
        String labelled,
        String lot,
        String plan,
        String tare,
        String specification,
        String sampled,
        LocalDate inspectedOn,
        Environment environment,
        String weighedUnit,
        String contentUnit,
        Weighed weighed,
        List<PackageLine> packages,
        String statistics,
        List<String> reasons,
        String noticeZh,
        String noticeEn,
        List<StandardUsed> standards,
        List<SignatureLine> signatures,
        String verificationUrl) {

    /** What the gross and tare columns weighed; their headings say it. */
    public enum Weighed {
        /** The package, and its packaging (the sample's average or its own). */
        PACKAGES,
        /**
         * The sieve with the product drained (deglazed, washed or thawed) on it, and the sieve weighed empty before
         * (OIML R 87 Annexes C, D).
         */
        ON_SIEVES
    }

    /**
     * One package of the sample; every cell as printed, in the report's unit.
     *
     * @param conditions how the package was prepared for its weighing, as typed at the bench ("解冻水温 25.5 °C，沥干时间
     *                   125 s / thawing water's temperature 25.5 °C, draining time 125 s"), printed on a line under
     *                   its figures; null when the method asks for none
     */
    public record PackageLine(String ordinal, String gross, String tare, String content, String shortfall,
            String standing, String conditions) {
    }

    public InspectionReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(laboratory, "laboratory");
        Objects.requireNonNull(trader, "trader");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(labelled, "labelled");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(tare, "tare");
        Objects.requireNonNull(specification, "specification");
        Objects.requireNonNull(sampled, "sampled");
        Objects.requireNonNull(inspectedOn, "inspectedOn");
        Objects.requireNonNull(weighedUnit, "weighedUnit");
        Objects.requireNonNull(contentUnit, "contentUnit");
        Objects.requireNonNull(weighed, "weighed");
        packages = List.copyOf(Objects.requireNonNull(packages, "packages"));
        Objects.requireNonNull(statistics, "statistics");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        standards = List.copyOf(Objects.requireNonNull(standards, "standards"));
        signatures = List.copyOf(Objects.requireNonNull(signatures, "signatures"));
        Objects.requireNonNull(verificationUrl, "verificationUrl");
        if (kind != CertificateKind.NET_CONTENT_REPORT && kind != CertificateKind.NET_CONTENT_NOTICE) {
            throw new IllegalArgumentException("report " + number + ": an inspection report is a " + CertificateKind
                    .NET_CONTENT_REPORT + " or a " + CertificateKind.NET_CONTENT_NOTICE + ", not a " + kind);
        }
        if (packages.isEmpty()) {
            throw new IllegalArgumentException("report " + number + " states no package of the sample");
        }
        boolean failed = kind == CertificateKind.NET_CONTENT_NOTICE;
        if (failed != !reasons.isEmpty() || failed != (noticeZh != null) || failed != (noticeEn != null)) {
            throw new IllegalArgumentException("report " + number + ": a failed lot states its reasons and the notice,"
                    + " a lot that passed neither");
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("report " + number + " is not signed");
        }
    }
}
