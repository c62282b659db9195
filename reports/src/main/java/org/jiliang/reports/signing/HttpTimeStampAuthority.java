package org.jiliang.reports.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * The time-stamp protocol over HTTP (RFC 3161 §3.4): a {@code application/timestamp-query} POSTed, a
 * {@code application/timestamp-reply} back, checked against the request (digest, nonce) before its token is used.
 */
public final class HttpTimeStampAuthority implements TimeStampAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI uri;
    private final Duration timeout;
    private final HttpClient http;

    public HttpTimeStampAuthority(URI uri, Duration timeout) {
        this.uri = uri;
        this.timeout = timeout;
        // HTTP/1.1: RFC 3161 §3.4 is a plain POST; an HTTP/2 upgrade attempt on each request only costs time
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public byte[] timeStampToken(byte[] sha256) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true); // the token carries the authority's certificate: verifiable on its own
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, RANDOM));
        try {
            HttpResponse<byte[]> reply = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (reply.statusCode() != 200) {
                throw new SigningException("The time-stamp authority at " + uri + " answered HTTP "
                        + reply.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(reply.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new SigningException("The time-stamp authority at " + uri + " refused: "
                        + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (IOException e) {
            throw new SigningException("The time-stamp authority at " + uri + " did not answer: " + e.getMessage(), e);
        } catch (TSPException e) {
            throw new SigningException("The time-stamp authority at " + uri + " answered with a token that does not"
                    + " match the request: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException("Interrupted while waiting for the time-stamp authority at " + uri, e);
        }
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
