package org.jiliang.lims.personnel;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * API clients send their password with every call (HTTP Basic). Checking it costs about 0.2 s
 * ({@link PasswordHasher#ITERATIONS}), so a name and password that were verified are remembered for
 * {@link #TIME_TO_LIVE}: as an HMAC under a key that exists only in this server's memory, never the password,
 * and only together with the account's credential stamp, so a new password, a disabled account or other roles
 * end it at once.
 */
@ApplicationScoped
public class VerifiedCredentials {

    public static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);
    static final int MAX_ENTRIES = 10_000;

    private record Verified(String username, long credentialStamp, Instant expiresAt) {
    }

    private final byte[] key = new byte[32];
    private final Map<String, Verified> verified = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public VerifiedCredentials() {
        new SecureRandom().nextBytes(key);
    }

    /** The credential stamp the name and password were verified with, if they were within the time to live. */
    public synchronized Optional<Long> stampOf(String username, char[] password, Instant now) {
        String id = id(username, password);
        Verified v = verified.get(id);
        if (v == null || !now.isBefore(v.expiresAt()) || !v.username().equals(username)) {
            verified.remove(id);
            return Optional.empty();
        }
        return Optional.of(v.credentialStamp());
    }

    public synchronized void remember(String username, char[] password, long credentialStamp, Instant now) {
        verified.put(id(username, password), new Verified(username, credentialStamp, now.plus(TIME_TO_LIVE)));
    }

    private String id(String username, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            mac.update(bytes);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
