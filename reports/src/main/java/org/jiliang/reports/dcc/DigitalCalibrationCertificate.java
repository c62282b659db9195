package org.jiliang.reports.dcc;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jiliang.reports.Quantity;
import org.jiliang.reports.certificate.CalibrationCertificate;
import org.jiliang.reports.certificate.CalibrationResult;
import org.jiliang.reports.certificate.ConformityOutcome;
import org.jiliang.reports.certificate.SignatureLine;
import org.jiliang.reports.certificate.StandardUsed;

/**
 * The machine-readable twin of a {@link CalibrationCertificate}: a PTB Digital Calibration Certificate (DCC
 * 3.1.2 with D-SI 2.1.0 quantities), so a customer's software reads the values, U, k and the conformity
 * statement without retyping the PDF. Chinese is the mandatory language, English is used too.
 *
 * <p>What the PDF states and the DCC states are the same record; nothing is computed here. Units are written in
 * D-SI notation ({@code \gram}, {@code \milli\gram}, {@code \kilogram}, {@code \volt}, {@code \kilo\ohm}); the expanded uncertainty is written in the
 * unit of its value, as D-SI requires.
 */
public final class DigitalCalibrationCertificate {

    /** The DCC schema version this writer produces (root attribute {@code schemaVersion}). */
    public static final String SCHEMA_VERSION = "3.1.2";
    static final String DCC = "https://ptb.de/dcc";
    static final String SI = "https://ptb.de/si";

    private static final Map<String, String> D_SI_UNITS = Map.ofEntries(
            Map.entry("g", "\\gram"), Map.entry("mg", "\\milli\\gram"), Map.entry("kg", "\\kilogram"),
            Map.entry("°C", "\\degreeCelsius"), Map.entry("hPa", "\\hecto\\pascal"),
            Map.entry("kPa", "\\kilo\\pascal"), Map.entry("kg/m³", "\\kilogram\\metre\\tothe{-3}"),
            Map.entry("%RH", "\\percent"), Map.entry("V", "\\volt"), Map.entry("mV", "\\milli\\volt"),
            Map.entry("µV", "\\micro\\volt"), Map.entry("kV", "\\kilo\\volt"), Map.entry("Ω", "\\ohm"),
            Map.entry("mΩ", "\\milli\\ohm"), Map.entry("kΩ", "\\kilo\\ohm"), Map.entry("MΩ", "\\mega\\ohm"));
    private static final Map<String, Integer> MASS_POWERS = Map.of("mg", -3, "g", 0, "kg", 3);

    /**
     * Who the certificate is from and for, beyond what the printed certificate carries: the DCC requires an
     * e-mail address for both parties.
     *
     * @param countryCode ISO 3166-1 alpha-2 of the laboratory, e.g. "CN"
     */
    public record Parties(String countryCode, String laboratoryEmail, String laboratoryCity, String customerEmail,
            String softwareName, String softwareRelease) {

        public Parties {
            Objects.requireNonNull(countryCode, "countryCode");
            Objects.requireNonNull(laboratoryEmail, "laboratoryEmail");
            Objects.requireNonNull(laboratoryCity, "laboratoryCity");
            Objects.requireNonNull(customerEmail, "customerEmail");
            Objects.requireNonNull(softwareName, "softwareName");
            Objects.requireNonNull(softwareRelease, "softwareRelease");
            if (!countryCode.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("country code is ISO 3166-1 alpha-2, got " + countryCode);
            }
        }
    }

    private DigitalCalibrationCertificate() {
    }

    /** The DCC as UTF-8 XML. */
    public static byte[] write(CalibrationCertificate c, Parties parties) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.setPrefix("dcc", DCC);
            x.setPrefix("si", SI);
            x.writeStartElement(DCC, "digitalCalibrationCertificate");
            x.writeNamespace("dcc", DCC);
            x.writeNamespace("si", SI);
            x.writeAttribute("schemaVersion", SCHEMA_VERSION);
            administrativeData(x, c, parties);
            measurementResults(x, c);
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the DCC of " + c.number(), e);
        }
        return out.toByteArray();
    }

    private static void administrativeData(XMLStreamWriter x, CalibrationCertificate c, Parties p)
            throws XMLStreamException {
        x.writeStartElement(DCC, "administrativeData");
        x.writeStartElement(DCC, "dccSoftware");
        x.writeStartElement(DCC, "software");
        text(x, "name", p.softwareName(), null);
        element(x, DCC, "release", p.softwareRelease());
        x.writeEndElement();
        x.writeEndElement();

        x.writeStartElement(DCC, "coreData");
        element(x, DCC, "countryCodeISO3166_1", p.countryCode());
        element(x, DCC, "usedLangCodeISO639_1", "zh");
        element(x, DCC, "usedLangCodeISO639_1", "en");
        element(x, DCC, "mandatoryLangCodeISO639_1", "zh");
        element(x, DCC, "uniqueIdentifier", c.number());
        element(x, DCC, "beginPerformanceDate", c.calibrationDate().toString());
        element(x, DCC, "endPerformanceDate", c.calibrationDate().toString());
        element(x, DCC, "performanceLocation", "laboratory");
        x.writeEndElement();

        x.writeStartElement(DCC, "items");
        x.writeStartElement(DCC, "item");
        text(x, "name", c.item().description(), null);
        x.writeStartElement(DCC, "manufacturer");
        text(x, "name", c.item().manufacturer(), null);
        x.writeEndElement();
        if (!c.item().model().isBlank() && !c.item().model().equals("—")) {
            element(x, DCC, "model", c.item().model());
        }
        x.writeStartElement(DCC, "identifications");
        x.writeStartElement(DCC, "identification");
        element(x, DCC, "issuer", "manufacturer");
        element(x, DCC, "value", c.item().serialNumber());
        text(x, "name", "出厂编号", "Serial number");
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();

        x.writeStartElement(DCC, "calibrationLaboratory");
        x.writeStartElement(DCC, "contact");
        text(x, "name", c.laboratory().nameZh(), c.laboratory().nameEn());
        element(x, DCC, "eMail", p.laboratoryEmail());
        x.writeStartElement(DCC, "location");
        element(x, DCC, "city", p.laboratoryCity());
        element(x, DCC, "countryCode", p.countryCode());
        further(x, c.laboratory().address());
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();

        x.writeStartElement(DCC, "respPersons");
        List<SignatureLine> signatures = c.signatures();
        for (int i = 0; i < signatures.size(); i++) {
            SignatureLine s = signatures.get(i);
            x.writeStartElement(DCC, "respPerson");
            x.writeStartElement(DCC, "person");
            text(x, "name", s.name(), null);
            x.writeEndElement();
            element(x, DCC, "role", s.meaning() + ", " + s.signedAt());
            // the last signature is the approver's: the certificate is issued on it
            element(x, DCC, "mainSigner", Boolean.toString(i == signatures.size() - 1));
            x.writeEndElement();
        }
        x.writeEndElement();

        x.writeStartElement(DCC, "customer");
        text(x, "name", c.customer().name(), null);
        element(x, DCC, "eMail", p.customerEmail());
        x.writeStartElement(DCC, "location");
        further(x, c.customer().address());
        x.writeEndElement();
        x.writeEndElement();

        if (c.conformityStatement() != null) {
            var s = c.conformityStatement();
            x.writeStartElement(DCC, "statements");
            for (CalibrationResult r : c.results()) {
                if (r.conformity() == null) {
                    continue;
                }
                x.writeStartElement(DCC, "statement");
                element(x, DCC, "convention", s.decisionRule().name() + " (ILAC-G8:09/2019); " + s.boundaryConvention()
                        + "; " + s.levelOfRisk());
                element(x, DCC, "norm", c.specification().code());
                x.writeStartElement(DCC, "declaration");
                content(x, r.item() + "：符合 " + s.specificationZh() + "（" + outcomeZh(r.conformity().outcome())
                        + "，容许限 ±" + r.conformity().limit().format() + "）", "zh");
                content(x, r.item() + ": " + outcomeEn(r.conformity().outcome()) + " to " + s.specificationEn()
                        + " (tolerance ±" + r.conformity().limit().format() + ")", "en");
                x.writeEndElement();
                element(x, DCC, "conformity", conformity(r.conformity().outcome()));
                x.writeEndElement();
            }
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void measurementResults(XMLStreamWriter x, CalibrationCertificate c) throws XMLStreamException {
        x.writeStartElement(DCC, "measurementResults");
        x.writeStartElement(DCC, "measurementResult");
        text(x, "name", c.results().get(0).quantity(), null);
        x.writeStartElement(DCC, "usedMethods");
        x.writeStartElement(DCC, "usedMethod");
        text(x, "name", c.method(), null);
        element(x, DCC, "norm", c.specification().code());
        x.writeEndElement();
        x.writeEndElement();
        if (!c.standards().isEmpty()) {
            x.writeStartElement(DCC, "measuringEquipments");
            for (StandardUsed s : c.standards()) {
                x.writeStartElement(DCC, "measuringEquipment");
                text(x, "name", s.name(), null);
                x.writeStartElement(DCC, "description");
                content(x, s.accuracy() + "; " + s.certificateNumber() + "; " + s.validUntil(), null);
                x.writeEndElement();
                x.writeStartElement(DCC, "identifications");
                x.writeStartElement(DCC, "identification");
                element(x, DCC, "issuer", "calibrationLaboratory");
                element(x, DCC, "value", s.identifier());
                x.writeEndElement();
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
        }
        if (c.environment() != null) {
            var env = c.environment();
            x.writeStartElement(DCC, "influenceConditions");
            condition(x, "温度", "Temperature", env.temperature());
            condition(x, "相对湿度", "Relative humidity", env.humidity());
            condition(x, "大气压力", "Air pressure", env.airPressure());
            condition(x, "空气密度", "Air density", env.airDensity());
            x.writeEndElement();
        }
        x.writeStartElement(DCC, "results");
        for (CalibrationResult r : c.results()) {
            x.writeStartElement(DCC, "result");
            text(x, "name", r.item(), null);
            x.writeStartElement(DCC, "data");
            x.writeStartElement(DCC, "quantity");
            text(x, "name", r.quantity(), null);
            x.writeStartElement(SI, "real");
            element(x, SI, "value", r.measuredValue().value().toPlainString());
            element(x, SI, "unit", unit(r.measuredValue().unit()));
            x.writeStartElement(SI, "expandedUnc");
            element(x, SI, "uncertainty", inUnitOf(r.expandedUncertainty(), r.measuredValue()).toPlainString());
            element(x, SI, "coverageFactor", r.coverageFactor().toPlainString());
            element(x, SI, "coverageProbability", probability(r.coverageProbability()));
            element(x, SI, "distribution", "normal");
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void condition(XMLStreamWriter x, String zh, String en, Quantity q) throws XMLStreamException {
        if (q == null) {
            return;
        }
        x.writeStartElement(DCC, "influenceCondition");
        text(x, "name", zh, en);
        x.writeStartElement(DCC, "data");
        x.writeStartElement(DCC, "quantity");
        x.writeStartElement(SI, "real");
        element(x, SI, "value", q.value().toPlainString());
        element(x, SI, "unit", unit(q.unit()));
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }

    /** The uncertainty in the unit of the value (D-SI: both share one unit element). */
    static BigDecimal inUnitOf(Quantity uncertainty, Quantity value) {
        if (uncertainty.unit().equals(value.unit())) {
            return uncertainty.value();
        }
        Integer from = MASS_POWERS.get(uncertainty.unit());
        Integer to = MASS_POWERS.get(value.unit());
        if (from == null || to == null) {
            throw new IllegalArgumentException("Cannot state U in " + uncertainty.unit() + " in the unit "
                    + value.unit() + " of its value");
        }
        return uncertainty.value().movePointRight(from - to).stripTrailingZeros();
    }

    static String unit(String symbol) {
        String unit = D_SI_UNITS.get(symbol);
        if (unit == null) {
            throw new IllegalArgumentException("No D-SI notation for unit " + symbol);
        }
        return unit;
    }

    /** Our symbol of a unit in D-SI notation ({@code \milli\gram} → mg), or null when we have none for it. */
    static String symbol(String dsi) {
        return D_SI_UNITS.entrySet().stream().filter(e -> e.getValue().equals(dsi)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** "≈95 %" → 0.95; a plain "0.9545" stays. */
    static String probability(String printed) {
        String digits = printed.replaceAll("[^0-9.]", "");
        BigDecimal p = new BigDecimal(digits);
        return (printed.contains("%") ? p.movePointLeft(2) : p).stripTrailingZeros().toPlainString();
    }

    private static String conformity(ConformityOutcome o) {
        return switch (o) {
            case CONFORMS -> "pass";
            case CONDITIONAL_PASS -> "conditionalPass";
            case CONDITIONAL_FAIL -> "conditionalFail";
            case DOES_NOT_CONFORM -> "fail";
        };
    }

    private static String outcomeZh(ConformityOutcome o) {
        return switch (o) {
            case CONFORMS -> "符合";
            case CONDITIONAL_PASS -> "有条件符合";
            case CONDITIONAL_FAIL -> "有条件不符合";
            case DOES_NOT_CONFORM -> "不符合";
        };
    }

    private static String outcomeEn(ConformityOutcome o) {
        return switch (o) {
            case CONFORMS -> "conforms";
            case CONDITIONAL_PASS -> "conditionally conforms";
            case CONDITIONAL_FAIL -> "conditionally does not conform";
            case DOES_NOT_CONFORM -> "does not conform";
        };
    }

    private static void further(XMLStreamWriter x, String address) throws XMLStreamException {
        x.writeStartElement(DCC, "further");
        content(x, address, null);
        x.writeEndElement();
    }

    /** A dcc:textType element: Chinese (and English when given) content. */
    private static void text(XMLStreamWriter x, String name, String zh, String en) throws XMLStreamException {
        x.writeStartElement(DCC, name);
        content(x, zh, en == null ? null : "zh");
        if (en != null) {
            content(x, en, "en");
        }
        x.writeEndElement();
    }

    private static void content(XMLStreamWriter x, String text, String lang) throws XMLStreamException {
        x.writeStartElement(DCC, "content");
        if (lang != null) {
            x.writeAttribute("lang", lang);
        }
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String ns, String name, String value) throws XMLStreamException {
        x.writeStartElement(ns, name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    /** For callers that keep the DCC as text. */
    public static String asText(byte[] dcc) {
        return new String(dcc, StandardCharsets.UTF_8);
    }
}
