package org.jiliang.lims.method.dmm;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jiliang.lims.certificate.CertificateContentWriter;
import org.jiliang.lims.certificate.CertificateIssue;
import org.jiliang.lims.certificate.CertificateParts;
import org.jiliang.lims.certificate.IssuedCalibrationResult;
import org.jiliang.lims.certificate.IssuedContent;
import org.jiliang.lims.metrology.dmm.SubstitutionSetup;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.reports.certificate.CalibratedItem;
import org.jiliang.reports.certificate.CalibrationCertificate;
import org.jiliang.reports.certificate.CalibrationResult;
import org.jiliang.reports.certificate.CertificateKind;
import org.jiliang.reports.certificate.Procedure;

/**
 * A standard resistor's calibration certificate (JC series): R_X at the temperature it was measured at, with U, k
 * and the budget behind U; no statement of conformity, no period of validity; the DCC beside it; the row stored
 * with it exactly as printed.
 */
@ApplicationScoped
public class ResistorCalibrationCertificate implements CertificateContentWriter {

    static final String RULES_SOURCE = "EA-4/02 M:2022 S3 (R_X = (R_S + δR_D + R_S·α_S·(t − t_0))·r_C·r̄ − δR_TX,"
            + " evaluated by the GUM engine, U from the unrounded u_c)";

    @Override
    public String testPlan() {
        return ResistorSubstitutionMethod.TEST_PLAN;
    }

    @Override
    public IssuedContent write(VerificationJob job, CertificateIssue issue) {
        SubstitutionRun.Evaluated e = ResistorJobResult.of(job).evaluated().orElseThrow(
                // a checked job has every reading and its conditions; a missing one here is a defect
                () -> new IllegalStateException("Job " + job.jobNumber() + " is checked but R_X cannot be evaluated"));
        String number = issue.nextNumber("JC");
        CalibrationCertificate document = document(number, issue, job, e);
        return new IssuedContent(CertificateKind.CALIBRATION_CERTIFICATE, number, issue.pdf(document),
                issue.dcc(document), null, certificate -> List.of(new IssuedCalibrationResult(job, certificate, 1,
                        measurand(e), SubstitutionRun.nominal(job.instrument()), e.substitution().budget(),
                        MultimeterCalibrationCertificate.COVERAGE_PROBABILITY, RULES_SOURCE,
                        certificate.issuedAt())));
    }

    /** "电阻值 Resistance R_X, 23.0 °C": a resistor's value holds at the temperature it was measured at. */
    private static String measurand(SubstitutionRun.Evaluated e) {
        return "电阻值（" + e.temperature() + " 时）Resistance R_X at " + e.temperature();
    }

    private static CalibrationCertificate document(String number, CertificateIssue issue, VerificationJob job,
            SubstitutionRun.Evaluated e) {
        var resistor = job.instrument();
        var budget = e.substitution().budget();
        var reported = budget.reported();
        var nominal = SubstitutionRun.nominal(resistor);
        CalibrationResult row = new CalibrationResult(job.testPoint(1).label(), measurand(e),
                CertificateParts.quantity(nominal), new org.jiliang.reports.Quantity(reported.value(), budget.unit()),
                new org.jiliang.reports.Quantity(reported.expandedUncertainty(), budget.unit()),
                reported.coverageFactor(), MultimeterCalibrationCertificate.COVERAGE_PROBABILITY, null,
                MultimeterCalibrationCertificate.printed(budget));
        int pairs = SubstitutionSetup.data().pairs();
        return new CalibrationCertificate(number, issue.today(), CertificateParts.laboratory(issue.institute()),
                CertificateParts.customer(resistor),
                new CalibratedItem(resistor.description(), resistor.manufacturer(), resistor.model(),
                        // µΩ/(Ω·K) rather than 10⁻⁶/K: the certificate's fonts have no superscript minus
                        resistor.serialNumber(), nominal + ", |α| ≤ " + resistor.typedParameters()
                                .text(StandardResistorKind.ALPHA_BOUND).orElse("—") + " µΩ/(Ω·K)", null),
                new Procedure(job.procedureCode() + " / EA-4/02 M:2022 S3", "《标准电阻器替代法校准方法》（本院方法）"
                        + " Calibration of standard resistors by substitution (the institute's method)"),
                "替代法：长刻度数字多用表作比较器，交替读取被校电阻与参考电阻 " + e.reference().standard().code() + "（"
                        + e.reference().value().value() + "），共 " + pairs + " 对 Substitution: a long-scale"
                        + " multimeter as comparator reads the unknown and the reference " + e.reference().standard()
                        .code() + " in turn, " + pairs + " pairs; R_X = R_S × mean ratio r, R_S corrected for drift"
                        + " and temperature",
                CertificateParts.measuredOn(job, issue.today()), "本院电学实验室 Electrical laboratory of the institute",
                CertificateParts.environment(job), List.of(row), CertificateParts.standards(job), null,
                CertificateParts.signatureLines(issue.signatures(), true), issue.verificationUrl());
    }
}
