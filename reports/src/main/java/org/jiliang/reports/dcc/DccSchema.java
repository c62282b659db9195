package org.jiliang.reports.dcc;

import java.io.InputStream;
import java.io.Reader;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/**
 * The DCC 3.1.2 schema with the D-SI 2.1.0 schema it imports, both from this module's resources (see SOURCE.md
 * beside them), and W3C's XML-DSig schema (for a signed DCC, see DccSignature): the D-SI address is resolved to the
 * local file, and no other external schema or DTD may be loaded.
 */
public final class DccSchema {

    private static final String SI_NAMESPACE = "https://ptb.de/si";
    private static final String XMLDSIG_SCHEMA = "/bindings/schemas/xmldsig-core-schema.xsd";

    private static volatile Schema schema;

    private DccSchema() {
    }

    /** The compiled schema, loaded once; thread-safe (make a validator per use). */
    public static Schema schema() {
        Schema s = schema;
        if (s == null) {
            synchronized (DccSchema.class) {
                s = schema;
                if (s == null) {
                    schema = s = load();
                }
            }
        }
        return s;
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                if (SI_NAMESPACE.equals(namespace)) {
                    return input(resource("SI_Format.xsd"), systemId);
                }
                throw new IllegalStateException("the DCC schema may load no other schema: " + systemId);
            });
            // the XML-DSig schema, for a signed DCC's ds:Signature in dcc:comment (a strict wildcard): W3C's file as
            // Apache Santuario ships it
            InputStream xmldsig = DccSchema.class.getResourceAsStream(XMLDSIG_SCHEMA);
            if (xmldsig == null) {
                throw new IllegalStateException("missing resource " + XMLDSIG_SCHEMA + " (org.apache.santuario:xmlsec)");
            }
            return factory.newSchema(new javax.xml.transform.Source[] {new StreamSource(xmldsig),
                    new StreamSource(resource("dcc.xsd"))});
        } catch (SAXException e) {
            throw new IllegalStateException("the DCC schema in the reports module does not load", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DccSchema.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource org/jiliang/reports/dcc/" + name);
        }
        return in;
    }

    private static LSInput input(InputStream in, String systemId) {
        return new LSInput() {
            @Override
            public Reader getCharacterStream() {
                return null;
            }

            @Override
            public void setCharacterStream(Reader r) {
            }

            @Override
            public InputStream getByteStream() {
                return in;
            }

            @Override
            public void setByteStream(InputStream s) {
            }

            @Override
            public String getStringData() {
                return null;
            }

            @Override
            public void setStringData(String s) {
            }

            @Override
            public String getSystemId() {
                return systemId;
            }

            @Override
            public void setSystemId(String s) {
            }

            @Override
            public String getPublicId() {
                return null;
            }

            @Override
            public void setPublicId(String s) {
            }

            @Override
            public String getBaseURI() {
                return null;
            }

            @Override
            public void setBaseURI(String s) {
            }

            @Override
            public String getEncoding() {
                return null;
            }

            @Override
            public void setEncoding(String s) {
            }

            @Override
            public boolean getCertifiedText() {
                return false;
            }

            @Override
            public void setCertifiedText(boolean b) {
            }
        };
    }
}
