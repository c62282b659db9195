package org.jiliang.lims.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jiliang.lims.platform.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadLinksTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private static final Pattern ADDRESS = Pattern.compile(
            "/download/certificates/([0-9a-f]{64})/(.+)\\.pdf\\?expires=([0-9]+)&signature=([A-Za-z0-9_-]+)");
    private static final byte[] PDF = "%PDF-1.7 a certificate".getBytes(StandardCharsets.US_ASCII);
    private static final String SHA = Sha256.hex(PDF);

    @TempDir
    Path data;

    /** The parts of an address as the handler reads them: hash, number, expires, signature. */
    private static String[] parts(DownloadLinks.Link link) {
        Matcher m = ADDRESS.matcher(link.path());
        assertThat(m.matches()).as(link.path()).isTrue();
        return new String[] {m.group(1), m.group(2), m.group(3), m.group(4)};
    }

    private DownloadLinks links(byte[] key, Instant now) {
        return new DownloadLinks(key, Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(5), data);
    }

    @Test
    void anAddressServesItsPdfUntilItExpiresAndNotASecondLonger() throws Exception {
        byte[] key = new byte[32];
        DownloadLinks.Link link = links(key, NOW).issue("YH2026-00731", SHA, () -> PDF);
        String[] p = parts(link);

        assertThat(p[0]).isEqualTo(SHA);
        assertThat(p[1]).isEqualTo("YH2026-00731");
        assertThat(link.expires()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(Files.readAllBytes(links(key, NOW).file(SHA))).as("the bytes, named by their hash").isEqualTo(PDF);

        assertThat(links(key, NOW).check(p[0], p[1], p[2], p[3])).isEqualTo(DownloadLinks.Verdict.VALID);
        assertThat(links(key, link.expires().minusSeconds(1)).check(p[0], p[1], p[2], p[3]))
                .isEqualTo(DownloadLinks.Verdict.VALID);
        assertThat(links(key, link.expires()).check(p[0], p[1], p[2], p[3])).isEqualTo(DownloadLinks.Verdict.EXPIRED);
    }

    @Test
    void aChangedOrMadeUpAddressIsNotOurs() throws Exception {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        DownloadLinks server = links(key, NOW);
        String[] p = parts(server.issue("YH2026-00731", SHA, () -> PDF));
        String otherSha = Sha256.hex("another certificate");
        String later = Long.toString(Long.parseLong(p[2]) + 86_400);

        // another certificate's number or bytes, a later expiry, a signature changed or missing: none is ours
        assertThat(server.check(p[0], "YH2026-00732", p[2], p[3])).isEqualTo(DownloadLinks.Verdict.NOT_OURS);
        assertThat(server.check(otherSha, p[1], p[2], p[3])).isEqualTo(DownloadLinks.Verdict.NOT_OURS);
        assertThat(server.check(p[0], p[1], later, p[3])).isEqualTo(DownloadLinks.Verdict.NOT_OURS);
        // the first character: all its six bits are signature (the last one's lowest two are padding)
        String flipped = (p[3].charAt(0) == 'A' ? 'B' : 'A') + p[3].substring(1);
        assertThat(server.check(p[0], p[1], p[2], flipped)).isEqualTo(DownloadLinks.Verdict.NOT_OURS);
        assertThat(server.check(p[0], p[1], p[2], "")).isEqualTo(DownloadLinks.Verdict.NOT_OURS);
        assertThat(server.check(p[0], p[1], p[2], null)).isEqualTo(DownloadLinks.Verdict.NOT_OURS);
        assertThat(server.check(p[0], p[1], p[2], "not*base64")).isEqualTo(DownloadLinks.Verdict.NOT_OURS);
        assertThat(server.check(p[0], p[1], "-1", p[3])).isEqualTo(DownloadLinks.Verdict.NOT_OURS);
        assertThat(server.check(p[0], "../../keys/x", p[2], p[3])).isEqualTo(DownloadLinks.Verdict.NOT_OURS);
        // the same address checked by a server started since (a new key): the restart ended it
        assertThat(links(new byte[32], NOW).check(p[0], p[1], p[2], p[3])).isEqualTo(DownloadLinks.Verdict.NOT_OURS);
    }

    @Test
    void bytesThatAreNotTheRecordedOnesAreNeverOffered() {
        DownloadLinks server = links(new byte[32], NOW);
        assertThatThrownBy(() -> server.issue("YH2026-00731", SHA,
                () -> "%PDF-1.7 changed".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("YH2026-00731");
        assertThat(server.file(SHA)).doesNotExist();
        assertThatThrownBy(() -> server.issue("../YH2026", SHA, () -> PDF)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecondAddressForTheSamePdfKeepsTheFileAsItIsAndReadsNoBytes() throws Exception {
        DownloadLinks server = links(new byte[32], NOW);
        server.issue("YH2026-00731", SHA, () -> PDF);
        Instant written = Files.getLastModifiedTime(server.file(SHA)).toInstant();
        server.issue("YH2026-00731", SHA, () -> {
            throw new AssertionError("the PDF's bytes were read again although the server holds them");
        });
        assertThat(Files.getLastModifiedTime(server.file(SHA)).toInstant()).isEqualTo(written);
        try (var files = Files.list(data)) {
            assertThat(files).as("no partial file left").containsExactly(server.file(SHA));
        }
    }

    @Test
    void anAddressServesForASecondToADay() {
        for (Duration wrong : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), Duration.ofDays(1).plusSeconds(1)}) {
            assertThatThrownBy(() -> new DownloadLinks(new byte[32], Clock.systemUTC(), wrong, data))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
