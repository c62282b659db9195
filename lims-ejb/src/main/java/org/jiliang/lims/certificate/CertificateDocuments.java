package org.jiliang.lims.certificate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jiliang.lims.measurement.JobEvaluation;
import org.jiliang.lims.measurement.TestPoint;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.metrology.ScaleParameters;
import org.jiliang.lims.metrology.weight.WeightCalibration;
import org.jiliang.lims.metrology.weight.WeightCalibrationProcedure;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.personnel.Signature;
import org.jiliang.lims.personnel.SignatureMeaning;
import org.jiliang.lims.platform.ClockProducer;
import org.jiliang.lims.platform.Institute;
import org.jiliang.reports.Quantity;
import org.jiliang.reports.certificate.CalibratedItem;
import org.jiliang.reports.certificate.CalibrationCertificate;
import org.jiliang.reports.certificate.CalibrationResult;
import org.jiliang.reports.certificate.CertificateDocument;
import org.jiliang.reports.certificate.CertificateKind;
import org.jiliang.reports.certificate.Conclusion;
import org.jiliang.reports.certificate.ConformityDecision;
import org.jiliang.reports.certificate.ConformityOutcome;
import org.jiliang.reports.certificate.ConformityStatement;
import org.jiliang.reports.certificate.Customer;
import org.jiliang.reports.certificate.DecisionRule;
import org.jiliang.reports.certificate.Environment;
import org.jiliang.reports.certificate.InstrumentUnderTest;
import org.jiliang.reports.certificate.Laboratory;
import org.jiliang.reports.certificate.Procedure;
import org.jiliang.reports.certificate.ResultRow;
import org.jiliang.reports.certificate.SignatureLine;
import org.jiliang.reports.certificate.StandardUsed;
import org.jiliang.reports.certificate.UncertaintyComponent;

/** Builds the reports module's own records from a job (architecture rule 2: reports never sees an entity). */
final class CertificateDocuments {

    static final String PROCEDURE_TITLE = "数字指示秤检定规程 Verification Regulation of Digital Indicating Scales";

    private CertificateDocuments() {
    }

    static CertificateDocument of(CertificateKind kind, String number, LocalDate issueDate, Institute institute,
            VerificationJob job, List<Signature> signatures, LocalDate validUntil, String verificationUrl) {
        var instrument = job.instrument();
        ScaleParameters p = instrument.parameters();
        JobEvaluation evaluation = JobEvaluation.of(job);
        List<ResultRow> rows = job.testPoints().stream().map(t -> {
            JobEvaluation.PointOutcome outcome = evaluation.point(t).orElseThrow(
                    () -> new IllegalStateException("Point " + t.label() + " of " + job.jobNumber() + " is not judged"));
            return new ResultRow(t.label(), quantity(t.load()), quantity(t.indication()), quantity(outcome.measured()),
                    quantity(t.mpe()), outcome.passed());
        }).toList();
        List<StandardUsed> standards = standards(job);
        Conclusion conclusion = kind == CertificateKind.VERIFICATION_CERTIFICATE
                ? Conclusion.pass(validUntil)
                : Conclusion.fail(evaluation.nonConformities().isEmpty()
                        ? List.of("不合格 / fail") : evaluation.nonConformities());
        List<SignatureLine> lines = signatureLines(signatures, false);
        LocalDate measured = measuredOn(job, issueDate);
        return new CertificateDocument(kind, number, issueDate,
                new Laboratory(institute.nameZh(), institute.nameEn(), institute.address()),
                new Customer(instrument.customer().name(), instrument.customer().address()),
                new InstrumentUnderTest(instrument.description(), instrument.manufacturer(), instrument.model(),
                        instrument.serialNumber(), quantity(p.max()), quantity(p.e()), p.accuracyClass().symbol()),
                new Procedure(job.procedureCode(), PROCEDURE_TITLE),
                job.verificationType().labelZh() + " " + job.verificationType().labelEn(),
                measured, "本院实验室 Institute laboratory", environment(job), rows, standards, conclusion, lines,
                verificationUrl);
    }

    /**
     * The calibration certificate of a weight: m_ct with U, k and its budget, and the statement of conformity to
     * the weight's class under the R 111 rule (guarded acceptance, w = U).
     */
    static CalibrationCertificate calibration(String number, LocalDate issueDate, Institute institute,
            VerificationJob job, WeightCalibration result, WeightCalibrationProcedure.Conditions conditions,
            List<Signature> signatures, String verificationUrl) {
        var weight = job.instrument();
        String cls = result.weightClass().symbol();
        var budget = result.budget();
        var reported = budget.reported();
        MassUnit mg = MassUnit.MG;
        List<UncertaintyComponent> components = budget.components().stream().map(c -> new UncertaintyComponent(
                WeightCalibrationProcedure.componentLabel(c.name()).zh() + " "
                        + WeightCalibrationProcedure.componentLabel(c.name()).en() + " " + c.name(),
                estimate(c.quantity().estimate(), budget.unit()),
                milligrams(c.quantity().standardUncertainty(), budget.unit()),
                c.sensitivityCoefficient().round(new MathContext(3)).stripTrailingZeros().toPlainString(),
                milligrams(c.contribution(), budget.unit()),
                c.quantity().degreesOfFreedom().isInfinite() ? null
                        : c.quantity().degreesOfFreedom().truncated().value().intValue())).toList();
        Integer nuEff = budget.effectiveDegreesOfFreedom().filter(d -> !d.isInfinite())
                .map(d -> d.truncated().value().intValue()).orElse(null);
        var printedBudget = new org.jiliang.reports.certificate.UncertaintyBudget(components,
                milligrams(budget.combinedStandardUncertainty(), budget.unit()), nuEff);
        Mass u = Mass.of(reported.expandedUncertainty(), MassUnit.fromSymbol(budget.unit())).to(mg).normalized();
        ConformityOutcome outcome = result.conforms() ? ConformityOutcome.CONFORMS : ConformityOutcome.DOES_NOT_CONFORM;
        CalibrationResult row = new CalibrationResult(
                result.nominal() + " 砝码 Weight " + weight.serialNumber(), "约定质量 Conventional mass",
                quantity(result.nominal()), new Quantity(reported.value(), budget.unit()), quantity(u),
                reported.coverageFactor(), "≈95 %",
                ConformityDecision.withinPlusMinus(quantity(result.maximumPermissibleError().to(mg).normalized()),
                        outcome),
                printedBudget);
        int cycles = WeightCalibrationProcedure.standard().cycles(result.weightClass());
        return new CalibrationCertificate(number, issueDate,
                new Laboratory(institute.nameZh(), institute.nameEn(), institute.address()),
                new Customer(weight.customer().name(), weight.customer().address()),
                new CalibratedItem(weight.description(), weight.manufacturer(), weight.model(), weight.serialNumber(),
                        result.nominal().toString(), cls),
                new Procedure(job.procedureCode() + " / OIML R 111-1:2004", "《砝码》 Weights"),
                "ABBA 循环直接比较法，" + cycles + " 个循环 Direct comparison with a reference weight, ABBA, " + cycles
                        + " cycles",
                measuredOn(job, issueDate), "本院质量实验室 Mass laboratory of the institute",
                new Environment(new Quantity(conditions.temperature().stripTrailingZeros(), "°C"),
                        new Quantity(conditions.humidity().stripTrailingZeros(), "%RH"),
                        new Quantity(conditions.pressure().stripTrailingZeros(), "hPa"),
                        new Quantity(conditions.airDensity().round(new MathContext(5)), "kg/m³")),
                List.of(row), standards(job),
                new ConformityStatement("OIML R 111-1:2004 " + cls + " 等级要求", "class " + cls
                        + " of OIML R 111-1:2004 (U ≤ δm/3 and m0 − (δm − U) ≤ m_ct ≤ m0 + (δm − U))",
                        DecisionRule.GUARDED_ACCEPTANCE,
                        "恰在接受限 m0 ± (δm − U) 上的结果判为符合 A result exactly on the acceptance limit m0 ± (δm − U)"
                                + " conforms",
                        "误判接受概率 < 2.5 %（k ≈ 2） Probability of false acceptance < 2.5 % (k ≈ 2)"),
                signatureLines(signatures, true), verificationUrl);
    }

    private static String estimate(BigDecimal value, String unit) {
        return (value.signum() == 0 ? "0" : value.round(new MathContext(9)).stripTrailingZeros().toPlainString())
                + " " + unit;
    }

    private static Quantity milligrams(BigDecimal value, String unit) {
        Mass m = Mass.of(value, MassUnit.fromSymbol(unit)).to(MassUnit.MG);
        return new Quantity(m.value().signum() == 0 ? BigDecimal.ZERO
                : m.value().round(new MathContext(2)).stripTrailingZeros(), "mg");
    }

    private static List<StandardUsed> standards(VerificationJob job) {
        return job.standards().stream().map(u -> new StandardUsed(u.standard().name(), u.standard().serialNumber(),
                u.standard().accuracy(), u.standard().certificateNumber(), u.standard().dueDate())).toList();
    }

    /** After a send-back a job is signed again; the certificate names the signatures that count: the last of each meaning. */
    private static List<SignatureLine> signatureLines(List<Signature> signatures, boolean calibration) {
        java.util.Map<SignatureMeaning, Signature> last = new java.util.EnumMap<>(SignatureMeaning.class);
        signatures.forEach(s -> last.put(s.meaning(), s));
        return last.values().stream().map(s -> new SignatureLine(meaning(s.meaning(), calibration),
                s.signer().displayName(), OffsetDateTime.ofInstant(s.signedAt(), ClockProducer.INSTITUTE_ZONE)))
                .toList();
    }

    private static LocalDate measuredOn(VerificationJob job, LocalDate issueDate) {
        return job.testPoints().stream().map(TestPoint::capturedAt)
                .filter(java.util.Objects::nonNull).max(java.util.Comparator.naturalOrder())
                .map(i -> LocalDate.ofInstant(i, ClockProducer.INSTITUTE_ZONE)).orElse(issueDate);
    }

    private static Environment environment(VerificationJob job) {
        var env = job.currentEnvironment();
        return env == null ? null : new Environment(
                new Quantity(env.temperature().stripTrailingZeros(), "°C"),
                new Quantity(env.humidity().stripTrailingZeros(), "%RH"));
    }

    private static String meaning(SignatureMeaning meaning, boolean calibration) {
        return switch (meaning) {
            case PERFORMED -> calibration ? "校准员 Calibrated by" : "检定员 Verified by";
            case CHECKED -> "核验员 Checked by";
            case APPROVED -> "批准人 Approved by";
        };
    }

    private static Quantity quantity(Mass m) {
        return new Quantity(m.value(), m.unit().symbol());
    }
}
