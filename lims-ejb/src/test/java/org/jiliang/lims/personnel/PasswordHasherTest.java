package org.jiliang.lims.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jiliang.lims.personnel.PasswordHasher.HashedPassword;
import org.junit.jupiter.api.Test;

/**
 * The stored hash must be exactly the SCRAM-SHA-256 "SaltedPassword" (RFC 5802 §3, with
 * SHA-256 per RFC 7677), because WildFly's Elytron jdbc-realm scram-mapper verifies logins
 * from the hash, salt and iteration columns. The reference here is written from the RFC's
 * definition of Hi() with a plain HMAC, not with the SecretKeyFactory the production code uses.
 */
class PasswordHasherTest {

    @Test
    void aHashMatchesTheRightPasswordAndNoOther() {
        HashedPassword stored = PasswordHasher.hash("jiliang".toCharArray());

        assertThat(PasswordHasher.matches("jiliang".toCharArray(), stored)).isTrue();
        assertThat(PasswordHasher.matches("Jiliang".toCharArray(), stored)).isFalse();
        assertThat(PasswordHasher.matches("jiliang ".toCharArray(), stored)).isFalse();
        assertThat(PasswordHasher.matches(new char[0], stored)).isFalse();
    }

    @Test
    void twoHashesOfTheSamePasswordDifferByTheirSalt() {
        HashedPassword first = PasswordHasher.hash("jiliang".toCharArray());
        HashedPassword second = PasswordHasher.hash("jiliang".toCharArray());

        assertThat(second.saltBase64()).isNotEqualTo(first.saltBase64());
        assertThat(second.hashBase64()).isNotEqualTo(first.hashBase64());
        assertThat(PasswordHasher.matches("jiliang".toCharArray(), second)).isTrue();
    }

    @Test
    void theStoredHashIsTheScramSaltedPasswordForItsSaltAndIterationCount() throws Exception {
        HashedPassword stored = PasswordHasher.hash("jiliang".toCharArray());
        byte[] salt = Base64.getDecoder().decode(stored.saltBase64());

        assertThat(stored.iterations()).isEqualTo(PasswordHasher.ITERATIONS).isGreaterThanOrEqualTo(4096);
        assertThat(salt).hasSize(16);
        assertThat(Base64.getDecoder().decode(stored.hashBase64()))
                .hasSize(32)
                .isEqualTo(hi("jiliang", salt, stored.iterations()));
    }

    /**
     * RFC 7677 §3 exchange (user "user", password "pencil"): the SaltedPassword computed here
     * reproduces the RFC's client proof and server signature, and PasswordHasher accepts it as
     * a stored hash, so a row written by the LIMS is one Elytron can verify.
     */
    @Test
    void agreesWithTheScramSha256ExampleOfRfc7677() throws Exception {
        String saltBase64 = "W22ZaJ0SNY7soEsUEjb6gQ==";
        byte[] saltedPassword = hi("pencil", Base64.getDecoder().decode(saltBase64), 4096);
        String authMessage = "n=user,r=rOprNGfwEbeRWgbNEkqO,"
                + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
                + "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
        byte[] clientKey = hmac(saltedPassword, "Client Key".getBytes(StandardCharsets.UTF_8));
        byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
        byte[] clientProof = xor(clientKey, hmac(storedKey, authMessage.getBytes(StandardCharsets.UTF_8)));
        byte[] serverKey = hmac(saltedPassword, "Server Key".getBytes(StandardCharsets.UTF_8));
        byte[] serverSignature = hmac(serverKey, authMessage.getBytes(StandardCharsets.UTF_8));

        assertThat(base64(clientProof)).isEqualTo("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        assertThat(base64(serverSignature)).isEqualTo("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");

        HashedPassword row = new HashedPassword(base64(saltedPassword), saltBase64, 4096);
        assertThat(PasswordHasher.matches("pencil".toCharArray(), row)).isTrue();
        assertThat(PasswordHasher.matches("pencil2".toCharArray(), row)).isFalse();
    }

    @Test
    void aChinesePasswordRoundTripsAndIsHashedFromItsUtf8Bytes() throws Exception {
        String password = "计量检定员张伟2026";
        HashedPassword stored = PasswordHasher.hash(password.toCharArray());

        assertThat(PasswordHasher.matches(password.toCharArray(), stored)).isTrue();
        assertThat(PasswordHasher.matches("计量检定员张伟2025".toCharArray(), stored)).isFalse();
        assertThat(Base64.getDecoder().decode(stored.hashBase64()))
                .isEqualTo(hi(password, Base64.getDecoder().decode(stored.saltBase64()), stored.iterations()));
    }

    /** RFC 5802 §2.2: Hi(str, salt, i) = U1 XOR ... XOR Ui, U1 = HMAC(str, salt + INT(1)), Uk = HMAC(str, Uk-1). */
    private static byte[] hi(String password, byte[] salt, int iterations) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] u = mac.doFinal(ByteBuffer.allocate(salt.length + 4).put(salt).putInt(1).array());
        byte[] result = u.clone();
        for (int k = 2; k <= iterations; k++) {
            u = mac.doFinal(u);
            result = xor(result, u);
        }
        return result;
    }

    private static byte[] hmac(byte[] key, byte[] message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
