package org.jiliang.reports.dcc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.jiliang.reports.signing.SigningException;
import org.jiliang.reports.signing.SigningKey;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The DCC signed as a whole with an enveloped XML signature (W3C XML-DSig 1.1: reference to the document, enveloped
 * and exclusive-canonicalisation transforms, SHA-256, RSA or ECDSA, the signer's certificate in KeyInfo). DCC 3.1.2
 * has no element of its own for a signature; its root's {@code dcc:comment} takes any element, so the
 * {@code ds:Signature} goes there — after the measurement results, where a schema-aware reader expects a comment —
 * and the signed DCC stays valid against the schema (DccSchema knows the XML-DSig schema for that).
 */
public final class DccSignature {

    static final String DCC = "https://ptb.de/dcc";

    private DccSignature() {
    }

    /** The DCC with its enveloped signature. */
    public static byte[] sign(byte[] dcc, SigningKey key) {
        try {
            Document document = parse(dcc);
            Element root = document.getDocumentElement();
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            Reference reference = factory.newReference("", factory.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            String method = "EC".equals(key.privateKey().getAlgorithm()) ? SignatureMethod.ECDSA_SHA256
                    : SignatureMethod.RSA_SHA256;
            SignedInfo signedInfo = factory.newSignedInfo(factory.newCanonicalizationMethod(
                    CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(method, null), List.of(reference));
            KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
            KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(key.certificate()))));
            DOMSignContext context = new DOMSignContext(key.privateKey(), comment(document, root));
            context.setDefaultNamespacePrefix("ds");
            factory.newXMLSignature(signedInfo, keyInfo).sign(context);
            return serialize(document);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new SigningException("Cannot sign the DCC: " + e.getMessage(), e);
        }
    }

    /**
     * The certificate of the signer if the DCC's enveloped signature is valid (its digest and its signature value);
     * a {@link SigningException} saying why if not, or if it has none.
     */
    public static X509Certificate verify(byte[] dcc) {
        Document document = parse(dcc);
        NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() != 1) {
            throw new SigningException("The DCC has " + signatures.getLength() + " XML signatures, not one");
        }
        CertificateFromKeyInfo selector = new CertificateFromKeyInfo();
        DOMValidateContext context = new DOMValidateContext(selector, signatures.item(0));
        try {
            XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            if (!signature.validate(context)) {
                boolean digest = signature.getSignedInfo().getReferences().stream().allMatch(r -> {
                    try {
                        return ((Reference) r).validate(context);
                    } catch (XMLSignatureException e) {
                        return false;
                    }
                });
                throw new SigningException(digest ? "The DCC's signature value does not verify with its certificate"
                        : "The DCC was changed after it was signed: its digest does not match");
            }
            return selector.certificate;
        } catch (MarshalException | XMLSignatureException e) {
            throw new SigningException("The DCC's signature cannot be read: " + e.getMessage(), e);
        }
    }

    /** The root's dcc:comment, made after dcc:measurementResults (before dcc:document) if there is none. */
    private static Element comment(Document document, Element root) {
        Element results = null;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DCC.equals(e.getNamespaceURI())) {
                if ("comment".equals(e.getLocalName())) {
                    return e;
                }
                if ("measurementResults".equals(e.getLocalName())) {
                    results = e;
                }
            }
        }
        if (results == null) {
            throw new SigningException("The document is not a DCC: no dcc:measurementResults");
        }
        Element comment = document.createElementNS(DCC, root.getPrefix() == null ? "comment"
                : root.getPrefix() + ":comment");
        root.insertBefore(comment, results.getNextSibling());
        return comment;
    }

    /** Namespace-aware, no DTD, no external entity: a DCC from elsewhere is read as safely as one of ours. */
    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new SigningException("The DCC is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static byte[] serialize(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new SigningException("Cannot write the signed DCC", e);
        }
    }

    /** The public key of the certificate in the signature's KeyInfo (trust in that certificate is another matter). */
    private static final class CertificateFromKeyInfo extends KeySelector {
        private X509Certificate certificate;

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                XMLCryptoContext context) throws KeySelectorException {
            if (keyInfo != null) {
                for (Object info : keyInfo.getContent()) {
                    if (info instanceof X509Data data) {
                        for (Object item : data.getContent()) {
                            if (item instanceof X509Certificate found) {
                                certificate = found;
                                Key key = found.getPublicKey();
                                return () -> key;
                            }
                        }
                    }
                }
            }
            throw new KeySelectorException("The DCC's signature names no certificate");
        }
    }
}
