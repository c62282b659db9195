package org.jiliang.lims.method.netcontent;

import static org.jiliang.lims.metrology.quantity.Decimals.toFourDecimals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.jiliang.lims.certificate.CertificateContentWriter;
import org.jiliang.lims.certificate.CertificateIssue;
import org.jiliang.lims.certificate.CertificateParts;
import org.jiliang.lims.certificate.IssuedContent;
import org.jiliang.lims.metrology.prepackage.LotEvaluation;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.platform.Messages;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.reports.certificate.CertificateKind;
import org.jiliang.reports.certificate.InspectionReport;

/**
 * The report of a lot's inspection (JY series), signed like a certificate and verifiable by its QR code; a failed lot's
 * report ends with the notice of the failed inspection to the trader, naming every failed rule. Neither has a period
 * of validity: it speaks of the lot sampled.
 */
@ApplicationScoped
public class NetContentReportWriter implements CertificateContentWriter {

    @Inject
    private NetContentInspectionMethod method;

    @Override
    public String testPlan() {
        return NetContentInspectionMethod.TEST_PLAN;
    }

    @Override
    public IssuedContent write(VerificationJob job, CertificateIssue issue) {
        NetContentJobResult result = NetContentJobResult.of(NetContentInspectionMethod.lot(job), job);
        // a checked job has every weighing and no open problem: no verdict here would be a defect, not a user's mistake
        LotEvaluation.Verdict verdict = result.verdict().orElseThrow(
                () -> new IllegalStateException("Job " + job.jobNumber() + " is checked but has no verdict"));
        Lot lot = result.lot();
        CertificateKind kind = verdict.passed() ? CertificateKind.NET_CONTENT_REPORT : CertificateKind.NET_CONTENT_NOTICE;
        String number = issue.nextNumber(method.jobSeries());
        InstrumentUnderTest instrument = job.instrument();
        String product = instrument.description() + "，" + instrument.model() + "；生产者 / producer: "
                + instrument.manufacturer();
        String labelled = lot.labelled() + "；" + result.t();
        String lotText = instrument.serialNumber() + "，N = " + lot.lotSize();
        String sampled = lot.sampledAt() + "，" + lot.sampledOn();
        List<String> reasons = result.nonConformities();
        String noticeZh = null;
        String noticeEn = null;
        if (!verdict.passed()) {
            Object[] arguments = {instrument.customer().name(), instrument.description(), lot.labelled().toString(),
                    instrument.serialNumber(), sampled, number,
                    String.join("；", verdict.reasons().stream().map(r -> clause(Messages.format(
                            Locale.SIMPLIFIED_CHINESE, r.key(), r.arguments().toArray()))).toList())};
            noticeZh = Messages.format(Locale.SIMPLIFIED_CHINESE, "netContent.notice", arguments);
            arguments[6] = String.join("; ", verdict.reasons().stream().map(r -> clause(Messages.format(Locale.ENGLISH,
                    r.key(), r.arguments().toArray()))).toList());
            noticeEn = Messages.format(Locale.ENGLISH, "netContent.notice", arguments);
        }
        String unit = result.unit();
        List<InspectionReport.PackageLine> lines = result.packages().stream().map(f -> new InspectionReport.PackageLine(
                String.valueOf(f.ordinal()), f.gross() == null ? "—" : toFourDecimals(f.gross()),
                f.tare() == null ? "—" : toFourDecimals(f.tare()),
                toFourDecimals(f.result().content()), toFourDecimals(f.result().shortfall()),
                NetContentJobResult.standing(f.result().standing()), f.conditions())).toList();
        InspectionReport report = new InspectionReport(kind, number, issue.today(),
                CertificateParts.laboratory(issue.institute()), CertificateParts.customer(instrument), product,
                labelled, lotText, result.plan(), result.tare(), lot.edition() + " 定量包装商品净含量计量检验规则 / rules of"
                        + " metrological testing of the net quantity of prepackages",
                sampled, CertificateParts.measuredOn(job, issue.today()), CertificateParts.environment(job),
                lot.weighed() ? "g" : unit, unit, lot.draining() == null ? InspectionReport.Weighed.PACKAGES
                        : InspectionReport.Weighed.ON_SIEVES, lines, result.statistics().orElseThrow(), reasons, noticeZh,
                noticeEn, CertificateParts.standards(job),
                CertificateParts.signatureLines(issue.signatures(), "检验员 Inspected by"), issue.verificationUrl());
        return IssuedContent.document(kind, number, issue.pdf(report), null);
    }

    /** A reason as a clause of the notice's sentence, which ends it itself: without its own full stop. */
    static String clause(String reason) {
        return reason.replaceFirst("[。.]$", "");
    }
}
