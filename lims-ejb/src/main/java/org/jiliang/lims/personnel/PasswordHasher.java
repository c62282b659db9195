package org.jiliang.lims.personnel;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, iterated password hashes: PBKDF2-HMAC-SHA-256, which is exactly the SCRAM-SHA-256
 * "salted password". WildFly's Elytron jdbc-realm (scram-mapper) verifies logins from the same
 * three columns, and the LIMS re-verifies a password when someone signs.
 */
public final class PasswordHasher {

    /** Cost of one verification is tens of milliseconds; REST clients send a password per call. */
    public static final int ITERATIONS = 100_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    public record HashedPassword(String hashBase64, String saltBase64, int iterations) {
    }

    private PasswordHasher() {
    }

    public static HashedPassword hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new HashedPassword(
                Base64.getEncoder().encodeToString(pbkdf2(password, salt, ITERATIONS)),
                Base64.getEncoder().encodeToString(salt),
                ITERATIONS);
    }

    public static boolean matches(char[] password, HashedPassword stored) {
        byte[] salt = Base64.getDecoder().decode(stored.saltBase64());
        byte[] expected = Base64.getDecoder().decode(stored.hashBase64());
        return MessageDigest.isEqual(expected, pbkdf2(password, salt, stored.iterations()));
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        }
    }
}
