package org.jiliang.reports.dcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.jiliang.reports.Quantity;
import org.jiliang.reports.certificate.CalibrationCertificate;
import org.jiliang.reports.certificate.SampleCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

/**
 * The DCC of the sample calibration certificate (two weights, M1, guarded acceptance) is valid against PTB's
 * DCC 3.1.2 / D-SI 2.1.0 schemas and states what the PDF states: value, U in the value's unit, k, p, and the
 * conformity of each weight.
 */
class DigitalCalibrationCertificateTest {

    private static final DigitalCalibrationCertificate.Parties PARTIES = new DigitalCalibrationCertificate.Parties(
            "CN", "mass-lab@jianghai-metrology.example", "江海市", "qa@huadong-food.example", "Jiliang LIMS",
            "0.1.0");

    private static Schema schema;

    @BeforeAll
    static void loadSchema() {
        schema = DccSchema.schema();
    }

    @Test
    void theDccOfTheSampleCertificateIsValidAgainstTheSchema() throws Exception {
        byte[] dcc = DigitalCalibrationCertificate.write(SampleCertificate.calibrationCertificate(), PARTIES);

        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(dcc)));
    }

    @Test
    void itStatesWhatThePdfStates() throws Exception {
        CalibrationCertificate sample = SampleCertificate.calibrationCertificate();
        Document doc = parse(DigitalCalibrationCertificate.write(sample, PARTIES));
        XPath xp = XPathFactory.newInstance().newXPath();
        xp.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return "dcc".equals(prefix) ? DigitalCalibrationCertificate.DCC : DigitalCalibrationCertificate.SI;
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });

        assertThat(xp.evaluate("//dcc:coreData/dcc:uniqueIdentifier", doc)).isEqualTo(sample.number());
        assertThat(xp.evaluate("//dcc:coreData/dcc:mandatoryLangCodeISO639_1", doc)).isEqualTo("zh");
        // 10 kg weight: 10000.025 g, U = 59 mg (k = 2) → 0.059 g in the unit of the value
        String first = "//dcc:results/dcc:result[1]//si:real";
        assertThat(xp.evaluate(first + "/si:value", doc)).isEqualTo("10000.025");
        assertThat(xp.evaluate(first + "/si:unit", doc)).isEqualTo("\\gram");
        assertThat(xp.evaluate(first + "/si:expandedUnc/si:uncertainty", doc)).isEqualTo("0.059");
        assertThat(xp.evaluate(first + "/si:expandedUnc/si:coverageFactor", doc)).isEqualTo("2");
        assertThat(xp.evaluate(first + "/si:expandedUnc/si:coverageProbability", doc)).isEqualTo("0.95");
        assertThat(xp.evaluate("count(//dcc:statements/dcc:statement[dcc:conformity='pass'])", doc)).isEqualTo("2");
        assertThat(xp.evaluate("//dcc:statements/dcc:statement[1]/dcc:convention", doc)).startsWith("GUARDED_ACCEPTANCE");
        assertThat(xp.evaluate("//dcc:influenceCondition[dcc:name/dcc:content[@lang='en']='Air pressure']//si:value", doc))
                .isEqualTo("1008.6");
        assertThat(xp.evaluate("count(//dcc:respPerson)", doc)).isEqualTo("3");
        assertThat(xp.evaluate("//dcc:respPerson[dcc:mainSigner='true']/dcc:person/dcc:name/dcc:content", doc))
                .isEqualTo("陈志远");
    }

    @Test
    void anUncertaintyThatCannotBeStatedInTheUnitOfItsValueIsRefused() {
        assertThat(DigitalCalibrationCertificate.inUnitOf(Quantity.of("0.62", "mg"), Quantity.of("1000.00195", "g")))
                .isEqualByComparingTo("0.00062");
        assertThatThrownBy(() -> DigitalCalibrationCertificate.inUnitOf(Quantity.of("0.1", "°C"),
                Quantity.of("1000", "g"))).hasMessageContaining("°C");
    }

    @Test
    void theSchemaRejectsADccWithoutItsMandatoryParts() {
        String broken = new String(DigitalCalibrationCertificate.write(SampleCertificate.calibrationCertificate(),
                PARTIES), java.nio.charset.StandardCharsets.UTF_8).replaceAll("<dcc:performanceLocation>.*?</dcc:performanceLocation>", "");

        assertThatThrownBy(() -> schema.newValidator().validate(new StreamSource(new java.io.StringReader(broken))))
                .isInstanceOf(SAXParseException.class).hasMessageContaining("performanceLocation");
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
