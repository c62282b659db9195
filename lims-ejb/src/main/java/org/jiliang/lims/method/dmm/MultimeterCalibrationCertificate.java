package org.jiliang.lims.method.dmm;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.jiliang.lims.certificate.CertificateContentWriter;
import org.jiliang.lims.certificate.CertificateIssue;
import org.jiliang.lims.certificate.CertificateParts;
import org.jiliang.lims.certificate.IssuedCalibrationResult;
import org.jiliang.lims.certificate.IssuedContent;
import org.jiliang.lims.metrology.dmm.DmmTestPlan;
import org.jiliang.lims.metrology.uncertainty.UncertaintyBudget;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.reports.certificate.CalibratedItem;
import org.jiliang.reports.certificate.CalibrationCertificate;
import org.jiliang.reports.certificate.CalibrationResult;
import org.jiliang.reports.certificate.CertificateKind;
import org.jiliang.reports.certificate.Procedure;
import org.jiliang.reports.certificate.UncertaintyComponent;

/**
 * A multimeter's calibration certificate (JC series): a row per point with the standard's value, the error of
 * indication E, U, k and the budget behind U; no statement of conformity (the register records no specification),
 * no period of validity; the DCC beside it; every row stored with it exactly as printed.
 */
@ApplicationScoped
public class MultimeterCalibrationCertificate implements CertificateContentWriter {

    static final String COVERAGE_PROBABILITY = "≈95 %";
    static final String RULES_SOURCE = "JJF 1587-2016; EURAMET cg-15; EA-4/02 M:2022 S9 (model E = X̄_x + δX_res − X_s"
            + " − δX_drift − δX_temp, evaluated by the GUM engine, U from the unrounded u_c)";

    @Override
    public String testPlan() {
        return DmmTestPlan.TEST_PLAN;
    }

    @Override
    public IssuedContent write(VerificationJob job, CertificateIssue issue) {
        MultimeterJobResult result = MultimeterJobResult.of(job);
        List<MultimeterRun.Evaluated> points = result.evaluated();
        if (points.size() != job.testPoints().size()) {
            // a checked job has every reading; a missing one here would be a defect, not a user's mistake
            throw new IllegalStateException("Job " + job.jobNumber() + " is checked but only " + points.size() + " of "
                    + job.testPoints().size() + " points can be evaluated");
        }
        String number = issue.nextNumber("JC");
        CalibrationCertificate document = document(number, issue, job, points);
        return new IssuedContent(CertificateKind.CALIBRATION_CERTIFICATE, number, issue.pdf(document),
                issue.dcc(document), null, certificate -> {
                    List<IssuedCalibrationResult> rows = new ArrayList<>();
                    for (int i = 0; i < points.size(); i++) {
                        MultimeterRun.Evaluated e = points.get(i);
                        rows.add(new IssuedCalibrationResult(job, certificate, i + 1, measurand(e),
                                e.point().nominal(), e.calibration().budget(), COVERAGE_PROBABILITY, RULES_SOURCE,
                                certificate.issuedAt()));
                    }
                    return rows;
                });
    }

    /** "示值误差 Error of indication, 直流电压 10 V 量程 +9 V / DC voltage 10 V range +9 V". */
    private static String measurand(MultimeterRun.Evaluated e) {
        return "示值误差 Error of indication, " + e.testPoint().label();
    }

    static CalibrationCertificate document(String number, CertificateIssue issue, VerificationJob job,
            List<MultimeterRun.Evaluated> points) {
        var meter = job.instrument();
        List<CalibrationResult> rows = new ArrayList<>();
        for (MultimeterRun.Evaluated e : points) {
            var budget = e.calibration().budget();
            var reported = budget.reported();
            rows.add(new CalibrationResult(e.testPoint().label(), "示值误差 Error of indication E",
                    CertificateParts.quantity(e.point().nominal()),
                    new org.jiliang.reports.Quantity(reported.value(), budget.unit()),
                    new org.jiliang.reports.Quantity(reported.expandedUncertainty(), budget.unit()),
                    reported.coverageFactor(), COVERAGE_PROBABILITY, null, printed(budget)));
        }
        String ranges = meter.typedParameters().asMap().entrySet().stream()
                .map(p -> p.getValue().text()).reduce((a, b) -> a + " · " + b).orElse("");
        return new CalibrationCertificate(number, issue.today(), CertificateParts.laboratory(issue.institute()),
                CertificateParts.customer(meter),
                new CalibratedItem(meter.description(), meter.manufacturer(), meter.model(), meter.serialNumber(),
                        ranges, null),
                new Procedure(job.procedureCode() + " / EURAMET cg-15", "《数字多用表校准规范》 Calibration of digital"
                        + " multimeters"),
                "直接测量法：多功能校准器输出标准值，被校表每点读数 " + DmmTestPlan.readingsPerPoint()
                        + " 次（SCPI 读取） Direct measurement against a multifunction calibrator, "
                        + DmmTestPlan.readingsPerPoint() + " indications per point read over SCPI; E = X̄_x − X_s",
                CertificateParts.measuredOn(job, issue.today()), "本院电学实验室 Electrical laboratory of the institute",
                CertificateParts.environment(job), rows, CertificateParts.standards(job), null,
                CertificateParts.signatureLines(issue.signatures(), true), issue.verificationUrl());
    }

    static org.jiliang.reports.certificate.UncertaintyBudget printed(UncertaintyBudget budget) {
        String unit = budget.unit();
        List<UncertaintyComponent> components = budget.components().stream().map(c -> new UncertaintyComponent(
                c.name(), plain(c.quantity().estimate(), 9) + (c.quantity().unit().isBlank() ? ""
                        : " " + c.quantity().unit()),
                new org.jiliang.reports.Quantity(twoDigits(c.quantity().standardUncertainty()),
                        c.quantity().unit().isBlank() ? org.jiliang.reports.Quantity.ONE : c.quantity().unit()),
                plain(c.sensitivityCoefficient(), 3),
                new org.jiliang.reports.Quantity(twoDigits(c.contribution()), unit),
                c.quantity().degreesOfFreedom().isInfinite() ? null
                        : c.quantity().degreesOfFreedom().truncated().value().intValue())).toList();
        Integer nuEff = budget.effectiveDegreesOfFreedom().filter(d -> !d.isInfinite())
                .map(d -> d.truncated().value().intValue()).orElse(null);
        return new org.jiliang.reports.certificate.UncertaintyBudget(components,
                new org.jiliang.reports.Quantity(twoDigits(budget.combinedStandardUncertainty()), unit), nuEff);
    }

    private static BigDecimal twoDigits(BigDecimal v) {
        return v.signum() == 0 ? BigDecimal.ZERO : v.round(new MathContext(2)).stripTrailingZeros();
    }

    private static String plain(BigDecimal v, int digits) {
        return v.signum() == 0 ? "0" : v.round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

}
