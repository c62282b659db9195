package org.jiliang.reports.dcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import org.jiliang.reports.certificate.SampleCertificate;
import org.jiliang.reports.signing.Certificates;
import org.jiliang.reports.signing.SigningException;
import org.jiliang.reports.signing.SigningKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The DCC signed with an enveloped XML signature stays valid against the DCC 3.1.2 schema (the signature in
 * dcc:comment), verifies with the certificate it carries, and no longer verifies once one value is changed.
 */
class DccSignatureTest {

    private static final DigitalCalibrationCertificate.Parties PARTIES = new DigitalCalibrationCertificate.Parties(
            "CN", "mass-lab@jianghai-metrology.example", "江海市", "qa@huadong-food.example", "Jiliang LIMS",
            "0.1.0");
    private static SigningKey key;
    private static byte[] signed;

    @BeforeAll
    static void signTheSample() {
        Instant now = Instant.parse("2026-12-05T02:00:00Z");
        key = Certificates.documentSigner("CN=江海市计量检定测试院 证书签名, O=江海市计量检定测试院, C=CN",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        signed = DccSignature.sign(DigitalCalibrationCertificate.write(SampleCertificate.calibrationCertificate(),
                PARTIES), key);
    }

    @Test
    void theSignedDccIsValidAgainstTheSchemaWithItsSignatureInTheComment() throws Exception {
        DccSchema.schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(signed)));

        Document document = parse(signed);
        Element signature = (Element) document.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#",
                "Signature").item(0);
        assertThat(signature.getParentNode().getLocalName()).isEqualTo("comment");
        assertThat(signature.getParentNode().getPreviousSibling().getLocalName()).isEqualTo("measurementResults");
        assertThat(new String(signed, StandardCharsets.UTF_8)).contains(
                "http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/04/xmlenc#sha256",
                "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "<ds:X509Certificate>");
    }

    @Test
    void itVerifiesWithTheCertificateItCarries() throws Exception {
        assertThat(DccSignature.verify(signed).getEncoded()).isEqualTo(key.certificate().getEncoded());
    }

    @Test
    void oneChangedValueBreaksIt() {
        String xml = new String(signed, StandardCharsets.UTF_8);
        String value = "<si:value>";
        int at = xml.indexOf(value) + value.length();
        assertThat(at).isGreaterThan(value.length());
        char digit = xml.charAt(at);
        String changed = xml.substring(0, at) + (digit == '9' ? '8' : (char) (digit + 1)) + xml.substring(at + 1);

        assertThatThrownBy(() -> DccSignature.verify(changed.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SigningException.class).hasMessageContaining("changed after it was signed");
    }

    @Test
    void anUnsignedDccIsSaidToBeUnsigned() {
        byte[] unsigned = DigitalCalibrationCertificate.write(SampleCertificate.calibrationCertificate(), PARTIES);
        assertThatThrownBy(() -> DccSignature.verify(unsigned)).isInstanceOf(SigningException.class)
                .hasMessageContaining("0 XML signatures");
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
