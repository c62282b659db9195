package org.jiliang.reports.dcc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the DCC an upper-level laboratory issued for one of our standards (issue 13): parsed safely — a document
 * type declaration is refused outright, so no entity, external or internal, is ever expanded, and nothing is fetched
 * — then validated against the DCC 3.1.2 schema ({@link DccSchema}); only then are its certificate number, laboratory,
 * date and the results (value, unit, U, k) taken. Any failure is a {@link Refused} with its reason; nothing is half
 * read.
 */
public final class DccReader {

    /** The largest DCC accepted. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Digits a value may have before and after the decimal point (the columns' numeric(30, 12)). */
    static final int INTEGER_DIGITS = 18;
    static final int FRACTION_DIGITS = 12;

    /** One result: what was measured, the value in its unit, U in the same unit, and k. */
    public record Value(String name, BigDecimal value, String unit, BigDecimal expandedUncertainty,
            BigDecimal coverageFactor) {
    }

    /** What the DCC says, as far as our record of a calibration needs it. */
    public record Content(String certificateNumber, String laboratory, LocalDate calibratedOn, List<Value> values) {
    }

    /** Why a DCC is refused. */
    public enum Reason {
        /** Larger than {@link #MAX_BYTES}. */
        TOO_LARGE,
        /** Not well-formed XML. */
        NOT_XML,
        /** It declares a document type (entities): a DCC needs none, and an entity can reach outside the file. */
        DOCTYPE,
        /** Not valid against the DCC 3.1.2 schema. */
        SCHEMA,
        /** Valid, but a result is unusable for the record (no U or k, a number too long). */
        CONTENT
    }

    /** A DCC refused, with the reason and the detail (the parser's or the schema's words, with line and column). */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final Reason reason;
        private final String detail;

        Refused(Reason reason, String detail) {
            super(reason + ": " + detail);
            this.reason = reason;
            this.detail = detail;
        }

        public Reason reason() {
            return reason;
        }

        public String detail() {
            return detail;
        }
    }

    private DccReader() {
    }

    public static Content read(byte[] xml) throws Refused {
        if (xml == null || xml.length == 0) {
            throw new Refused(Reason.NOT_XML, "empty");
        }
        if (xml.length > MAX_BYTES) {
            throw new Refused(Reason.TOO_LARGE, xml.length + " bytes");
        }
        Document doc = parse(xml);
        try {
            Validator validator = DccSchema.schema().newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new DOMSource(doc));
        } catch (SAXParseException e) {
            throw new Refused(Reason.SCHEMA, where(e) + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new Refused(Reason.SCHEMA, e.getMessage());
        }
        Element root = doc.getDocumentElement();
        String number = text(first(root, DigitalCalibrationCertificate.DCC, "uniqueIdentifier"));
        LocalDate calibratedOn;
        try {
            calibratedOn = LocalDate.parse(text(first(root, DigitalCalibrationCertificate.DCC, "endPerformanceDate")));
        } catch (DateTimeParseException e) {
            throw new Refused(Reason.CONTENT, "endPerformanceDate: " + e.getParsedString());
        }
        Element laboratory = first(root, DigitalCalibrationCertificate.DCC, "calibrationLaboratory");
        String laboratoryName = name(first(laboratory, DigitalCalibrationCertificate.DCC, "contact"));
        List<Value> values = new ArrayList<>();
        NodeList results = root.getElementsByTagNameNS(DigitalCalibrationCertificate.DCC, "result");
        for (int i = 0; i < results.getLength(); i++) {
            Element result = (Element) results.item(i);
            String resultName = name(result);
            NodeList reals = result.getElementsByTagNameNS(DigitalCalibrationCertificate.SI, "real");
            for (int j = 0; j < reals.getLength(); j++) {
                values.add(value(resultName, (Element) reals.item(j)));
            }
        }
        if (values.isEmpty()) {
            throw new Refused(Reason.CONTENT, "no result with a value (si:real) in dcc:measurementResults");
        }
        return new Content(number, laboratoryName, calibratedOn, List.copyOf(values));
    }

    private static Document parse(byte[] xml) throws Refused {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            throw new Refused(message.contains("DOCTYPE") ? Reason.DOCTYPE : Reason.NOT_XML, where(e) + message);
        } catch (SAXException | IOException e) {
            throw new Refused(Reason.NOT_XML, e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
    }

    private static Value value(String resultName, Element real) throws Refused {
        String dsiUnit = text(first(real, DigitalCalibrationCertificate.SI, "unit"));
        String unit = DigitalCalibrationCertificate.symbol(dsiUnit);
        Element expanded = first(real, DigitalCalibrationCertificate.SI, "expandedUnc");
        String label = resultName + (real.getElementsByTagNameNS(DigitalCalibrationCertificate.SI, "label")
                .getLength() > 0 ? " " + text(first(real, DigitalCalibrationCertificate.SI, "label")) : "");
        if (expanded == null) {
            throw new Refused(Reason.CONTENT, "the result \"" + label + "\" states no expanded uncertainty"
                    + " (si:expandedUnc)");
        }
        return new Value(label, number(label, text(first(real, DigitalCalibrationCertificate.SI, "value"))),
                unit == null ? dsiUnit : unit,
                number(label, text(first(expanded, DigitalCalibrationCertificate.SI, "uncertainty"))),
                number(label, text(first(expanded, DigitalCalibrationCertificate.SI, "coverageFactor"))));
    }

    /** A number of the DCC, within the digits our record keeps (checked on its text, before any arithmetic). */
    private static BigDecimal number(String label, String text) throws Refused {
        String t = text.strip();
        if (t.length() > 40) {
            throw new Refused(Reason.CONTENT, "the result \"" + label + "\": the number " + t.substring(0, 40)
                    + "… is longer than 40 characters");
        }
        BigDecimal v;
        try {
            v = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new Refused(Reason.CONTENT, "the result \"" + label + "\": \"" + t + "\" is not a number");
        }
        if (v.scale() < -INTEGER_DIGITS || v.scale() > FRACTION_DIGITS + 6) {
            throw new Refused(Reason.CONTENT, "the result \"" + label + "\": " + t + " is out of range");
        }
        BigDecimal plain = v.stripTrailingZeros();
        if (plain.precision() - plain.scale() > INTEGER_DIGITS || plain.scale() > FRACTION_DIGITS) {
            throw new Refused(Reason.CONTENT, "the result \"" + label + "\": " + t + " has more digits than "
                    + INTEGER_DIGITS + " before or " + FRACTION_DIGITS + " after the decimal point");
        }
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    /** The first dcc:content of an element's dcc:name, Chinese first if there is one. */
    private static String name(Element e) {
        if (e == null) {
            return "";
        }
        Element name = null;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && "name".equals(c.getLocalName())
                    && DigitalCalibrationCertificate.DCC.equals(c.getNamespaceURI())) {
                name = c;
                break;
            }
        }
        if (name == null) {
            return "";
        }
        NodeList contents = name.getElementsByTagNameNS(DigitalCalibrationCertificate.DCC, "content");
        String chosen = null;
        for (int i = 0; i < contents.getLength(); i++) {
            Element c = (Element) contents.item(i);
            if (chosen == null || "zh".equals(c.getAttribute("lang"))) {
                chosen = c.getTextContent().strip();
            }
        }
        return chosen == null ? "" : chosen;
    }

    private static Element first(Element in, String namespace, String local) {
        if (in == null) {
            return null;
        }
        NodeList list = in.getElementsByTagNameNS(namespace, local);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().strip();
    }

    private static String where(SAXParseException e) {
        return e.getLineNumber() < 0 ? "" : "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": ";
    }
}
