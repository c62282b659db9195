package org.jiliang.reports.certificate;

import java.time.LocalDate;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

import org.jiliang.reports.Quantity;

/**
 * Turns a {@link CertificateDocument}, a {@link CalibrationCertificate} or a {@link CheckRecord} into the parameters of
 * the certificate templates. All values reach the templates as finished text, so the templates hold layout and labels
 * only.
 */
final class CertificateParameters {

    private static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    private static final String NONE = "—";

    private CertificateParameters() {
    }

    static Map<String, Object> of(CertificateDocument doc, BilingualLabels labels, Map<String, Object> subreports) {
        Map<String, Object> p = common(doc.number(), doc.issueDate(), doc.laboratory(), doc.customer(),
                doc.standards(), doc.signatures(), doc.verificationUrl(), labels, subreports);

        InstrumentUnderTest instrument = doc.instrument();
        p.put("INSTRUMENT_DESCRIPTION", instrument.description());
        p.put("INSTRUMENT_MANUFACTURER", instrument.manufacturer());
        p.put("INSTRUMENT_MODEL", instrument.model());
        p.put("INSTRUMENT_SERIAL_NUMBER", instrument.serialNumber());
        p.put("INSTRUMENT_MAX", instrument.max().format());
        p.put("INSTRUMENT_E", instrument.e().format());
        p.put("INSTRUMENT_ACCURACY_CLASS", instrument.accuracyClass());
        p.put("PROCEDURE", doc.procedure().code() + " " + doc.procedure().title());
        p.put("VERIFICATION_TYPE", doc.verificationType());
        p.put("MEASUREMENT_DATE", date(doc.measurementDate()));

        p.put("PLACE", doc.placeOfMeasurement());
        Environment environment = doc.environment();
        p.put("TEMPERATURE", environment == null ? NONE : optional(environment.temperature()));
        p.put("HUMIDITY", environment == null ? NONE : optional(environment.humidity()));

        Conclusion conclusion = doc.conclusion();
        p.put("VERDICT", conclusion.verdict().name());
        p.put("VALID_UNTIL", conclusion.validUntil() == null ? NONE : date(conclusion.validUntil()));
        p.put("NON_CONFORMITIES", numbered(conclusion.nonConformities()));

        List<ResultRow> results = doc.results();
        // a column's unit is that of its first value; a value in another unit prints its own
        String loadUnit = columnUnit(results, ResultRow::load);
        String indicationUnit = columnUnit(results, ResultRow::indication);
        String errorUnit = columnUnit(results, ResultRow::error);
        String mpeUnit = columnUnit(results, ResultRow::mpe);
        p.put("RESULT_LOAD_UNIT", loadUnit);
        p.put("RESULT_INDICATION_UNIT", indicationUnit);
        p.put("RESULT_ERROR_UNIT", errorUnit);
        p.put("RESULT_MPE_UNIT", mpeUnit);
        p.put("RESULTS", rows(results, r -> row(
                "point", r.point(),
                "load", inColumn(r.load(), loadUnit, ""),
                "indication", inColumn(r.indication(), indicationUnit, ""),
                // an error is signed; a rate or a time judged against "≤ …" is not
                "error", (r.measure() == null ? "" : r.measure() + " = ") + inColumn(r.error(), errorUnit,
                        r.error() != null && r.error().value().signum() > 0
                                && (r.limit() == null || r.limit().startsWith("±")) ? "+" : ""),
                "mpe", r.limit() != null ? r.limit() : inColumn(r.mpe(), mpeUnit, "±"),
                "verdict", (r.pass() ? Verdict.PASS : Verdict.FAIL).name())));
        return p;
    }

    static Map<String, Object> of(CalibrationCertificate doc, BilingualLabels labels, Map<String, Object> subreports) {
        Map<String, Object> p = common(doc.number(), doc.issueDate(), doc.laboratory(), doc.customer(),
                doc.standards(), doc.signatures(), doc.verificationUrl(), labels, subreports);

        CalibratedItem item = doc.item();
        p.put("ITEM_DESCRIPTION", item.description());
        p.put("ITEM_MANUFACTURER", item.manufacturer());
        p.put("ITEM_MODEL", item.model());
        p.put("ITEM_SERIAL_NUMBER", item.serialNumber());
        p.put("ITEM_RANGE", item.measuringRange());
        p.put("ITEM_ACCURACY_CLASS", item.accuracyClass() == null ? NONE : item.accuracyClass());
        p.put("SPECIFICATION", doc.specification().code() + " " + doc.specification().title());
        p.put("METHOD", doc.method());
        p.put("CALIBRATION_DATE", date(doc.calibrationDate()));

        p.put("PLACE", doc.placeOfCalibration());
        Environment environment = doc.environment();
        p.put("TEMPERATURE", environment == null ? NONE : optional(environment.temperature()));
        p.put("HUMIDITY", environment == null ? NONE : optional(environment.humidity()));
        p.put("AIR_PRESSURE", environment == null ? NONE : optional(environment.airPressure()));
        p.put("AIR_DENSITY", environment == null ? NONE : optional(environment.airDensity()));

        List<CalibrationResult> results = doc.results();
        p.put("CALIBRATION_RESULTS", rows(results, r -> row(
                "item", r.item(),
                "quantity", r.quantity(),
                "nominal", optional(r.nominalValue()),
                "measured", r.measuredValue().format(),
                "uncertainty", r.expandedUncertainty().format(),
                "coverageFactor", coverageFactor(r),
                "coverageProbability", r.coverageProbability())));

        p.put("HAS_BUDGET", doc.hasBudget());
        List<Map<String, ?>> budgets = new ArrayList<>();
        for (CalibrationResult r : results) {
            UncertaintyBudget budget = r.budget();
            if (budget == null) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>(row(
                    "result", r.item() + " — " + r.quantity(),
                    "combined", budget.combinedStandardUncertainty().format(),
                    "effectiveDegreesOfFreedom", degreesOfFreedom(budget.effectiveDegreesOfFreedom()),
                    "coverageFactor", coverageFactor(r),
                    "expanded", r.expandedUncertainty().format()));
            // A collection, not a data source: the template makes a fresh one each time it fills the band.
            row.put("components", budget.components().stream().map(c -> row(
                    "source", c.source(),
                    "estimate", c.estimate() == null ? NONE : c.estimate(),
                    "standardUncertainty", c.standardUncertainty().format(),
                    "sensitivityCoefficient", c.sensitivityCoefficient(),
                    "contribution", c.contribution().format(),
                    "degreesOfFreedom", degreesOfFreedom(c.degreesOfFreedom()))).toList());
            budgets.add(row);
        }
        p.put("UNCERTAINTY_BUDGETS", new JRMapCollectionDataSource(budgets));

        ConformityStatement statement = doc.conformityStatement();
        p.put("HAS_CONFORMITY", statement != null);
        if (statement != null) {
            String rule = "decisionRule." + statement.decisionRule().name();
            p.put("CONFORMITY_SPECIFICATION", statement.specificationZh() + "\n" + statement.specificationEn());
            p.put("DECISION_RULE", labels.zh(rule + ".name") + "\n" + labels.en(rule + ".name"));
            p.put("DECISION_RULE_DESCRIPTION", labels.zh(rule + ".description") + "\n"
                    + labels.en(rule + ".description") + "\n" + statement.boundaryConvention());
            p.put("LEVEL_OF_RISK", statement.levelOfRisk());
        }
        p.put("CONFORMITY_RESULTS", rows(
                results.stream().filter(r -> r.conformity() != null).toList(),
                r -> conformityRow(r, statement, labels)));
        return p;
    }

    static Map<String, Object> of(CheckRecord doc, BilingualLabels labels, Map<String, Object> subreports) {
        Map<String, Object> p = common(doc.number(), doc.issueDate(), doc.laboratory(), doc.owner(),
                doc.standards(), doc.signatures(), doc.verificationUrl(), labels, subreports);
        p.put("OWNER", doc.owner().name());
        p.put("STANDARD", doc.standardUnderCheck());
        p.put("CHECK_STANDARD", doc.checkStandard());
        p.put("SPECIFICATION", doc.specification());
        p.put("CRITERION", doc.criterion());
        p.put("CHECK_DATE", date(doc.checkDate()));
        p.put("PLACE", doc.place());
        Environment environment = doc.environment();
        p.put("TEMPERATURE", environment == null ? NONE : optional(environment.temperature()));
        p.put("HUMIDITY", environment == null ? NONE : optional(environment.humidity()));
        p.put("OUTCOME", doc.outcome());
        p.put("CHECK_RESULTS", rows(doc.results(), r -> row(
                "point", r.point(),
                "readings", r.readings(),
                "mean", r.mean().format(),
                "reference", r.reference() == null ? NONE : r.reference(),
                "judgement", r.judgement(),
                "verdict", labels.zh("check.verdict." + (r.passed() ? "PASS" : "FAIL")) + " "
                        + labels.en("check.verdict." + (r.passed() ? "PASS" : "FAIL")))));
        return p;
    }

    static Map<String, Object> of(InspectionReport doc, BilingualLabels labels, Map<String, Object> subreports) {
        Map<String, Object> p = common(doc.number(), doc.issueDate(), doc.laboratory(), doc.trader(),
                doc.standards(), doc.signatures(), doc.verificationUrl(), labels, subreports);
        p.put("TRADER", doc.trader().name() + (doc.trader().address() == null ? "" : "，" + doc.trader().address()));
        p.put("PRODUCT", doc.product());
        p.put("LABELLED", doc.labelled());
        p.put("LOT", doc.lot());
        p.put("PLAN", doc.plan());
        p.put("TARE", doc.tare());
        p.put("SPECIFICATION", doc.specification());
        p.put("SAMPLED", doc.sampled());
        p.put("INSPECTION_DATE", date(doc.inspectedOn()));
        Environment environment = doc.environment();
        p.put("CONDITIONS", environment == null ? NONE
                : optional(environment.temperature()) + ", " + optional(environment.humidity()));
        p.put("WEIGHED_UNIT", doc.weighedUnit());
        p.put("CONTENT_UNIT", doc.contentUnit());
        String weighed = "." + doc.weighed().name();
        p.put("GROSS_HEADING", labels.zh("package.gross" + weighed) + "\n" + labels.en("package.gross" + weighed));
        p.put("TARE_HEADING", labels.zh("package.tare" + weighed) + "\n" + labels.en("package.tare" + weighed));
        p.put("PACKAGES", rows(doc.packages(), r -> row(
                "ordinal", r.ordinal(),
                "gross", r.gross(),
                "tare", r.tare(),
                "content", r.content(),
                "shortfall", r.shortfall(),
                "standing", r.standing(),
                "conditions", r.conditions())));
        p.put("STATISTICS", doc.statistics());
        String verdict = doc.kind() == CertificateKind.NET_CONTENT_REPORT ? "PASS" : "FAIL";
        p.put("VERDICT_TEXT", labels.zh("netContent.verdict." + verdict) + " " + labels.en("netContent.verdict." + verdict));
        p.put("REASONS", doc.reasons().isEmpty() ? null : numbered(doc.reasons()));
        p.put("NOTICE_ZH", doc.noticeZh());
        p.put("NOTICE_EN", doc.noticeEn());
        return p;
    }

    /** Parameters every kind prints the same way: header, customer, QR code, standards and signatures. */
    /**
     * What a revision states under its number: what it replaces, in both languages on one line, then the reason once
     * (as written: a reason in one language is not translated). Null for an original.
     */
    static String revisionNote(Revision revision, BilingualLabels labels) {
        if (revision == null) {
            return null;
        }
        Object[] values = {revision.replacesNumber(), date(revision.replacedIssueDate())};
        return new MessageFormat(labels.zh("revision.note"), java.util.Locale.SIMPLIFIED_CHINESE).format(values)
                + " " + new MessageFormat(labels.en("revision.note"), java.util.Locale.ENGLISH).format(values)
                + "\n" + labels.zh("revision.reason") + " " + labels.en("revision.reason") + ": " + revision.reason();
    }

    private static Map<String, Object> common(String number, LocalDate issueDate, Laboratory laboratory,
            Customer customer, List<StandardUsed> standards, List<SignatureLine> signatures, String verificationUrl,
            BilingualLabels labels, Map<String, Object> subreports) {
        Map<String, Object> p = new HashMap<>(subreports);
        p.put(JRParameter.REPORT_RESOURCE_BUNDLE, labels);

        p.put("CERTIFICATE_NUMBER", number);
        p.put("ISSUE_DATE", date(issueDate));
        p.put("LAB_NAME_ZH", laboratory.nameZh());
        p.put("LAB_NAME_EN", laboratory.nameEn());
        p.put("LAB_ADDRESS", laboratory.address());

        p.put("CUSTOMER_NAME", customer.name());
        p.put("CUSTOMER_ADDRESS", customer.address());

        p.put("QR_CODE", VerificationQrCode.of(verificationUrl));
        p.put("VERIFICATION_URL", verificationUrl);

        p.put("STANDARDS", rows(standards, s -> row(
                "name", s.name(),
                "identifier", s.identifier(),
                "accuracy", s.accuracy(),
                "certificateNumber", s.certificateNumber(),
                "validUntil", date(s.validUntil()))));
        p.put("SIGNATURES", rows(signatures, s -> row(
                "meaning", s.meaning(),
                "name", s.name(),
                "signedAt", SIGNED_AT.format(s.signedAt()))));
        return p;
    }

    /** "符合 OIML R 111-1:2004 M1 等级要求" above "Conforms to class M1 of OIML R 111-1:2004". */
    private static Map<String, ?> conformityRow(CalibrationResult r, ConformityStatement statement, BilingualLabels labels) {
        ConformityDecision decision = r.conformity();
        String outcome = "conformity.outcome." + decision.outcome().name();
        return row(
                "item", r.item(),
                "measured", r.measuredValue().format(),
                "uncertainty", r.expandedUncertainty().format(),
                "limit", decision.formattedLimit(),
                "statementZh", MessageFormat.format(labels.zh(outcome), statement.specificationZh()),
                "statementEn", MessageFormat.format(labels.en(outcome), statement.specificationEn()),
                "outcome", decision.outcome().name());
    }

    private static String coverageFactor(CalibrationResult r) {
        return "k = " + r.coverageFactor().toPlainString();
    }

    private static String degreesOfFreedom(Integer nu) {
        return nu == null ? "∞" : nu.toString();
    }

    /**
     * A results cell: the column header carries the unit, so the cell shows the number alone,
     * unless this row's unit differs from the column's; then the cell says its own unit.
     */
    private static String columnUnit(List<ResultRow> rows, java.util.function.Function<ResultRow, Quantity> column) {
        return rows.stream().map(column).filter(java.util.Objects::nonNull).map(Quantity::unit).findFirst()
                .orElse(NONE);
    }

    private static String inColumn(Quantity quantity, String columnUnit, String sign) {
        if (quantity == null) {
            return NONE;
        }
        String number = sign + quantity.value().toPlainString();
        return quantity.unit().equals(columnUnit) ? number : number + " " + quantity.unit();
    }

    private static String optional(Quantity quantity) {
        return quantity == null ? NONE : quantity.format();
    }

    private static String date(LocalDate date) {
        return date.toString();
    }

    private static String numbered(List<String> lines) {
        return String.join("\n", IntStream.range(0, lines.size())
                .mapToObj(i -> (i + 1) + ". " + lines.get(i))
                .toList());
    }

    private static <T> JRDataSource rows(List<T> items, Function<T, Map<String, ?>> toRow) {
        return new JRMapCollectionDataSource(items.stream().<Map<String, ?>>map(toRow).toList());
    }

    private static Map<String, String> row(String... keysAndValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
