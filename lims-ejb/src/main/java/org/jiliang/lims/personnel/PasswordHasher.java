package org.jiliang.lims.personnel;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, iterated password hashes: PBKDF2-HMAC-SHA-256 (which is also the SCRAM-SHA-256 "salted password").
 * The LIMS verifies logins ({@link LoginService}) and signatures with it. The cost follows OWASP's Password
 * Storage Cheat Sheet (600 000 iterations for PBKDF2-HMAC-SHA-256); hashes stored with fewer iterations are
 * replaced at the owner's next correct login.
 */
public final class PasswordHasher {

    /**
     * One verification costs about 0.2 s on a server core; API clients that send a password with every call
     * pay it once per {@link VerifiedCredentials#TIME_TO_LIVE}.
     */
    public static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    public record HashedPassword(String hashBase64, String saltBase64, int iterations) {
    }

    private PasswordHasher() {
    }

    public static HashedPassword hash(char[] password) {
        return hashWith(password, ITERATIONS);
    }

    /** A hash with another cost: hashes of older releases (fewer iterations) in tests of their upgrade. */
    static HashedPassword hashWith(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new HashedPassword(
                Base64.getEncoder().encodeToString(pbkdf2(password, salt, iterations)),
                Base64.getEncoder().encodeToString(salt),
                iterations);
    }

    public static boolean matches(char[] password, HashedPassword stored) {
        byte[] salt = Base64.getDecoder().decode(stored.saltBase64());
        byte[] expected = Base64.getDecoder().decode(stored.hashBase64());
        return MessageDigest.isEqual(expected, pbkdf2(password, salt, stored.iterations()));
    }

    /**
     * The same work as checking a password against a stored hash, for a name that has no account: a login
     * with an unknown name takes as long as one with a known name, so timing does not tell which names exist.
     */
    public static void spendVerificationTime(char[] password) {
        MessageDigest.isEqual(DECOY_HASH, pbkdf2(password, DECOY_SALT, ITERATIONS));
    }

    private static final byte[] DECOY_SALT = new byte[SALT_BYTES];
    private static final byte[] DECOY_HASH = new byte[HASH_BITS / 8];

    static {
        RANDOM.nextBytes(DECOY_SALT);
        RANDOM.nextBytes(DECOY_HASH);
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
