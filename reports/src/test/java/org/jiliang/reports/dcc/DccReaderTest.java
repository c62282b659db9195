package org.jiliang.reports.dcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.jiliang.reports.certificate.CalibrationCertificate;
import org.jiliang.reports.certificate.CalibrationResult;
import org.jiliang.reports.certificate.SampleCertificate;
import org.junit.jupiter.api.Test;

/**
 * A DCC from an upper-level laboratory is read only when it is safe and valid: the values, U and k of every result
 * come back as they were written; a DOCTYPE (an entity that could reach a file or a server) is refused without
 * anything fetched; a document the DCC 3.1.2 schema rejects is refused with the schema's reason.
 */
class DccReaderTest {

    private static final DigitalCalibrationCertificate.Parties PARTIES = new DigitalCalibrationCertificate.Parties(
            "CN", "mass-lab@upper-metrology.example", "江海市", "standards@jianghai-metrology.example",
            "Jiliang LIMS", "0.1.0");

    private static String dcc() {
        return new String(DigitalCalibrationCertificate.write(SampleCertificate.calibrationCertificate(), PARTIES),
                StandardCharsets.UTF_8);
    }

    @Test
    void everyResultComesBackWithItsValueUnitUAndK() throws Exception {
        CalibrationCertificate sample = SampleCertificate.calibrationCertificate();

        DccReader.Content read = DccReader.read(dcc().getBytes(StandardCharsets.UTF_8));

        assertThat(read.certificateNumber()).isEqualTo(sample.number());
        assertThat(read.calibratedOn()).isEqualTo(sample.calibrationDate());
        assertThat(read.laboratory()).isEqualTo(sample.laboratory().nameZh());
        assertThat(read.values()).hasSize(sample.results().size());
        for (int i = 0; i < sample.results().size(); i++) {
            CalibrationResult r = sample.results().get(i);
            DccReader.Value v = read.values().get(i);
            assertThat(v.name()).isEqualTo(r.item());
            assertThat(v.value()).isEqualByComparingTo(r.measuredValue().value());
            assertThat(v.unit()).isEqualTo(r.measuredValue().unit());
            assertThat(v.expandedUncertainty()).isEqualByComparingTo(
                    DigitalCalibrationCertificate.inUnitOf(r.expandedUncertainty(), r.measuredValue()));
            assertThat(v.coverageFactor()).isEqualByComparingTo(r.coverageFactor());
        }
    }

    @Test
    void anExternalEntityIsRefusedAndNothingIsFetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "JH-C2026-000815".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/number";
            String hostile = dcc().replaceFirst("\\?>", "?>\n<!DOCTYPE dcc:digitalCalibrationCertificate [<!ENTITY n SYSTEM \""
                    + url + "\">]>").replaceFirst("<dcc:uniqueIdentifier>[^<]*<", "<dcc:uniqueIdentifier>&n;<");

            assertThatThrownBy(() -> DccReader.read(hostile.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(DccReader.Refused.class, e -> {
                        assertThat(e.reason()).isEqualTo(DccReader.Reason.DOCTYPE);
                        assertThat(e.detail()).contains("DOCTYPE");
                    });
            assertThat(requests).as("nothing fetched from the entity's address").hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aDocumentTheSchemaRejectsIsRefusedWithTheSchemasReason() {
        String broken = dcc().replaceAll("<dcc:performanceLocation>.*?</dcc:performanceLocation>", "");

        assertThatThrownBy(() -> DccReader.read(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DccReader.Refused.class, e -> {
                    assertThat(e.reason()).isEqualTo(DccReader.Reason.SCHEMA);
                    assertThat(e.detail()).contains("performanceLocation");
                });
    }

    @Test
    void aResultWithoutUIsRefusedByName() {
        String noU = dcc().replaceFirst("(?s)<si:expandedUnc>.*?</si:expandedUnc>", "");

        assertThatThrownBy(() -> DccReader.read(noU.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DccReader.Refused.class, e -> {
                    assertThat(e.reason()).isEqualTo(DccReader.Reason.CONTENT);
                    assertThat(e.detail()).contains(SampleCertificate.calibrationCertificate().results().get(0).item(),
                            "expanded uncertainty");
                });
    }

    @Test
    void whatIsNotXmlOrTooLargeIsRefused() {
        assertThatThrownBy(() -> DccReader.read("%PDF-1.7 not a DCC".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(DccReader.Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(DccReader.Reason.NOT_XML));
        assertThatThrownBy(() -> DccReader.read(new byte[DccReader.MAX_BYTES + 1]))
                .isInstanceOfSatisfying(DccReader.Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(DccReader.Reason.TOO_LARGE));
    }
}
