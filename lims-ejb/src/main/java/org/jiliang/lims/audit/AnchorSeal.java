package org.jiliang.lims.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed part of the trail: HMAC-SHA-256 over an anchor's (sequence, entry hash, time) with
 * a key the database never holds. Without the key nobody can make an anchor that verifies, so a
 * rewritten and recomputed chain cannot pass through the anchors made before the rewrite.
 */
public final class AnchorSeal {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String DOMAIN = "jiliang-lims audit anchor v1";

    private final SecretKeySpec key;
    private final String keyId;

    public AnchorSeal(SecretKey secret) {
        byte[] bytes = secret.getEncoded();
        if (bytes == null || bytes.length < 16) {
            throw new IllegalArgumentException("an anchor key needs at least 128 bits");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        // Names the key without revealing it, so an anchor made with another key says so.
        this.keyId = hmac(DOMAIN + " key id").substring(0, 16);
    }

    public String keyId() {
        return keyId;
    }

    public String mac(long sequence, String entryHash, Instant anchoredAt) {
        return hmac(String.join("\u001f", DOMAIN, Long.toString(sequence), entryHash, anchoredAt.toString()));
    }

    /** True when the anchor's MAC is what this key makes of its content (compared in constant time). */
    public boolean verifies(AnchorRecord a) {
        return MessageDigest.isEqual(mac(a.sequence(), a.entryHash(), a.anchoredAt()).getBytes(StandardCharsets.US_ASCII),
                a.mac().getBytes(StandardCharsets.US_ASCII));
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }
}
