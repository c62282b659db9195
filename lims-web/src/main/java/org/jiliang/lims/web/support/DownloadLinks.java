package org.jiliang.lims.web.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jiliang.lims.platform.Settings;
import org.jiliang.lims.platform.Sha256;

/**
 * Short-lived signed addresses of issued certificate PDFs (issue 14). The API decides who may have a certificate,
 * exactly as for {@code GET /api/v1/certificates/{number}/pdf}, and answers with an address that serves those bytes
 * without a session until it expires; {@link DownloadHandler} serves it before the request enters the application
 * (no filters, no login, no transaction), so that 200 customers downloading at once cost little more than a static
 * file.
 * <p>
 * An address names the PDF by its SHA-256 and the certificate's number, carries its expiry, and is signed with
 * HMAC-SHA256 (RFC 2104) over the three. The key is made at start-up and kept in memory only: a restart ends every
 * address given out, and nothing on disk can forge one. The bytes are copied, once, from the database to a file
 * named by their hash under the data directory ({@code downloads/}): an issued PDF never changes, so a file that
 * exists is the right one, and the database keeps the original.
 */
public final class DownloadLinks {

    /** Where the addresses live within the application. */
    public static final String PATH = "/download/certificates/";
    /** The servlet context attribute that holds the running instance. */
    public static final String ATTRIBUTE = DownloadLinks.class.getName();
    /** How long an address serves, unless {@code jiliang.download.validity} (ISO-8601, e.g. PT10M) says otherwise. */
    static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(5);
    private static final Duration LONGEST = Duration.ofDays(1);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** A certificate number as the institute writes them; anything else is not an address it gave out. */
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}");

    /** An address (path within the application, with its query) and until when it serves. */
    public record Link(String path, Instant expires) {
    }

    /** What a request's address is. */
    enum Verdict { VALID, EXPIRED, NOT_OURS }

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration validity;
    private final Path directory;

    DownloadLinks(byte[] key, Clock clock, Duration validity, Path directory) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a download address serves for 1 s to 1 day, not " + validity);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.clock = clock;
        this.validity = validity;
        this.directory = directory;
    }

    /** The running server's: a fresh random key, the system clock, the configured validity, the data directory. */
    static DownloadLinks atStartUp() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String configured = System.getProperty("jiliang.download.validity");
        Duration validity = configured == null ? DEFAULT_VALIDITY : Duration.parse(configured);
        return new DownloadLinks(key, Clock.systemUTC(), validity, Settings.dataDir().resolve("downloads"));
    }

    /**
     * An address for the PDF of certificate {@code number} with hash {@code sha256}; the caller has already been
     * allowed to have it. {@code bytes} reads the PDF, asked only when this server holds no copy of it yet.
     */
    public Link issue(String number, String sha256, Supplier<byte[]> bytes) throws IOException {
        if (!NUMBER.matcher(number).matches() || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a certificate number and hash: " + number + ", " + sha256);
        }
        Path file = file(sha256);
        if (!Files.exists(file)) {
            byte[] pdf = bytes.get();
            if (!Sha256.hex(pdf).equals(sha256)) {
                throw new IllegalStateException("the stored PDF of " + number + " does not have its recorded hash");
            }
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, sha256, ".partial");
            try {
                Files.write(partial, pdf);
                // atomic: a download never sees half a file; two requests writing the same bytes both succeed
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        Instant expires = clock.instant().plus(validity).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String seconds = Long.toString(expires.getEpochSecond());
        return new Link(PATH + sha256 + "/" + number + ".pdf?expires=" + seconds + "&signature="
                + signature(number, sha256, seconds), expires);
    }

    /** Whether an address with these parts is one this server gave out and still serves. */
    Verdict check(String sha256, String number, String expires, String signature) {
        if (sha256 == null || number == null || expires == null || signature == null
                || !SHA256.matcher(sha256).matches() || !NUMBER.matcher(number).matches()
                || !EPOCH_SECONDS.matcher(expires).matches()) {
            return Verdict.NOT_OURS;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return Verdict.NOT_OURS;
        }
        byte[] expected = Base64.getUrlDecoder().decode(signature(number, sha256, expires));
        if (!MessageDigest.isEqual(expected, given)) { // in constant time
            return Verdict.NOT_OURS;
        }
        return clock.instant().getEpochSecond() < Long.parseLong(expires) ? Verdict.VALID : Verdict.EXPIRED;
    }

    /** The file of the PDF with this hash (it exists once an address for it was given out). */
    Path file(String sha256) {
        return directory.resolve(sha256 + ".pdf");
    }

    private String signature(String number, String sha256, String expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] signed = mac.doFinal((number + "\n" + sha256 + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
