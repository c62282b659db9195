package org.jiliang.reports.signing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamp authority on the loopback interface, for tests and the demonstration: its own self-signed
 * time-stamping certificate, its time from the clock given (a test's clock), answering {@code POST /} on a port of
 * its own. Not an authority anyone trusts: a real one is a qualified or national time-stamping service.
 */
public final class LoopbackTimeStampAuthority implements AutoCloseable {

    /** A policy OID under the private arc of examples (RFC 3161 requires one; nobody relies on this one). */
    private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1.1");

    private final HttpServer server;
    private final SigningKey key;
    private final Clock clock;
    private final AtomicLong serial = new AtomicLong(1);
    private final AtomicLong answered = new AtomicLong();

    private LoopbackTimeStampAuthority(HttpServer server, SigningKey key, Clock clock) {
        this.server = server;
        this.key = key;
        this.clock = clock;
    }

    /** Starts on a free loopback port (0) or the one given. */
    public static LoopbackTimeStampAuthority start(int port, Clock clock) throws IOException {
        // the JDK's server writes a reply's head and body apart: without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed acknowledgement hold every reply some 40 ms (read once, when its first server starts)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        Instant now = clock.instant();
        SigningKey key = Certificates.timeStamping("CN=Jiliang LIMS loopback time-stamp authority (test only)",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        LoopbackTimeStampAuthority tsa = new LoopbackTimeStampAuthority(server, key, clock);
        server.createContext("/", tsa::answer);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "loopback-tsa");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return tsa;
    }

    public URI uri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/");
    }

    public X509Certificate certificate() {
        return key.certificate();
    }

    /** Tokens given so far (each counted before its answer is written). */
    public long answered() {
        return answered.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(64 * 1024);
            }
            TimeStampRequest request = new TimeStampRequest(body);
            var digests = new JcaDigestCalculatorProviderBuilder().build();
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", key.privateKey(),
                            key.certificate()),
                    digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), POLICY);
            tokens.addCertificates(new JcaCertStore(List.of(key.certificate())));
            TimeStampResponse response = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
                    .generate(request, BigInteger.valueOf(serial.getAndIncrement()), Date.from(clock.instant()));
            byte[] reply = response.getEncoded();
            // counted before it is sent: a client that has read its token finds it counted (counted after the
            // write, a test asking right after its second token sometimes found one)
            answered.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        } catch (Exception e) { // a malformed request: RFC 3161 answers with a status, a test sees the 400
            exchange.sendResponseHeaders(400, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
