package org.jiliang.reports.certificate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
 * Turns a {@link CertificateDocument} into the parameters of the certificate templates. All
 * values reach the templates as finished text, so the templates hold layout and labels only.
 */
final class CertificateParameters {

    private static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    private static final String NONE = "—";

    private CertificateParameters() {
    }

    static Map<String, Object> of(CertificateDocument doc, BilingualLabels labels, Map<String, Object> subreports) {
        Map<String, Object> p = new HashMap<>(subreports);
        p.put(JRParameter.REPORT_RESOURCE_BUNDLE, labels);

        p.put("CERTIFICATE_NUMBER", doc.number());
        p.put("ISSUE_DATE", date(doc.issueDate()));
        p.put("LAB_NAME_ZH", doc.laboratory().nameZh());
        p.put("LAB_NAME_EN", doc.laboratory().nameEn());
        p.put("LAB_ADDRESS", doc.laboratory().address());

        p.put("CUSTOMER_NAME", doc.customer().name());
        p.put("CUSTOMER_ADDRESS", doc.customer().address());
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

        p.put("QR_CODE", VerificationQrCode.of(doc.verificationUrl()));
        p.put("VERIFICATION_URL", doc.verificationUrl());

        List<ResultRow> results = doc.results();
        String loadUnit = results.get(0).load().unit();
        String indicationUnit = results.get(0).indication().unit();
        String errorUnit = results.get(0).error().unit();
        String mpeUnit = results.get(0).mpe().unit();
        p.put("RESULT_LOAD_UNIT", loadUnit);
        p.put("RESULT_INDICATION_UNIT", indicationUnit);
        p.put("RESULT_ERROR_UNIT", errorUnit);
        p.put("RESULT_MPE_UNIT", mpeUnit);
        p.put("RESULTS", rows(results, r -> row(
                "point", r.point(),
                "load", inColumn(r.load(), loadUnit, ""),
                "indication", inColumn(r.indication(), indicationUnit, ""),
                "error", inColumn(r.error(), errorUnit, r.error().value().signum() > 0 ? "+" : ""),
                "mpe", inColumn(r.mpe(), mpeUnit, "±"),
                "verdict", (r.pass() ? Verdict.PASS : Verdict.FAIL).name())));
        p.put("STANDARDS", rows(doc.standards(), s -> row(
                "name", s.name(),
                "identifier", s.identifier(),
                "accuracy", s.accuracy(),
                "certificateNumber", s.certificateNumber(),
                "validUntil", date(s.validUntil()))));
        p.put("SIGNATURES", rows(doc.signatures(), s -> row(
                "meaning", s.meaning(),
                "name", s.name(),
                "signedAt", SIGNED_AT.format(s.signedAt()))));
        return p;
    }

    /**
     * A results cell: the column header carries the unit, so the cell shows the number alone,
     * unless this row's unit differs from the column's; then the cell says its own unit.
     */
    private static String inColumn(Quantity quantity, String columnUnit, String sign) {
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

    private static Map<String, ?> row(String... keysAndValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
