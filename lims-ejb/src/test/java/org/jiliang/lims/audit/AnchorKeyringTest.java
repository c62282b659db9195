package org.jiliang.lims.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wildfly.security.credential.SecretKeyCredential;
import org.wildfly.security.credential.store.CredentialStore;
import org.wildfly.security.credential.store.WildFlyElytronCredentialStoreProvider;

/**
 * Reading the anchor key from a secret-key credential store made with Elytron's own API, the way
 * the server's secret-key-credential-store makes it (the deployed server is covered by
 * AuditTrailTamperIT).
 */
class AnchorKeyringTest {

    @TempDir
    Path dir;

    @Test
    void readsTheKeyElytronStoredAndSealsWithIt() throws Exception {
        Path store = dir.resolve("keys").resolve("audit-anchor.cs");
        Files.createDirectories(store.getParent());
        SecretKey key = storeNewKey(store, AnchorKeyring.ALIAS);

        AnchorSeal seal = AnchorKeyring.load(store).orElseThrow();

        Instant t = Instant.parse("2026-12-03T02:00:00Z");
        AnchorSeal same = new AnchorSeal(key);
        assertThat(seal.keyId()).isEqualTo(same.keyId());
        assertThat(seal.mac(5, "ab".repeat(32), t)).isEqualTo(same.mac(5, "ab".repeat(32), t));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
    }

    @Test
    void noStoreOrNoKeyUnderTheAliasMeansNoSeal() throws Exception {
        assertThat(AnchorKeyring.load(dir.resolve("absent.cs"))).isEmpty();

        Path other = dir.resolve("other.cs");
        storeNewKey(other, "something-else");
        assertThat(AnchorKeyring.load(other)).isEmpty();
    }

    @Test
    void anotherKeyMakesOtherMacsAndAnotherKeyId() throws Exception {
        Path a = dir.resolve("a.cs");
        Path b = dir.resolve("b.cs");
        storeNewKey(a, AnchorKeyring.ALIAS);
        storeNewKey(b, AnchorKeyring.ALIAS);
        AnchorSeal sealA = AnchorKeyring.load(a).orElseThrow();
        AnchorSeal sealB = AnchorKeyring.load(b).orElseThrow();
        Instant t = Instant.parse("2026-12-03T02:00:00Z");
        AnchorRecord byA = new AnchorRecord(1, 5, "ab".repeat(32), t, sealA.keyId(), sealA.mac(5, "ab".repeat(32), t));

        assertThat(sealA.keyId()).isNotEqualTo(sealB.keyId());
        assertThat(sealA.verifies(byA)).isTrue();
        assertThat(sealB.verifies(byA)).isFalse();
    }

    private static SecretKey storeNewKey(Path location, String alias) throws Exception {
        CredentialStore store = CredentialStore.getInstance("PropertiesCredentialStore",
                WildFlyElytronCredentialStoreProvider.getInstance());
        store.initialize(Map.of("location", location.toString(), "create", "true"));
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey key = generator.generateKey();
        store.store(alias, new SecretKeyCredential(key));
        store.flush();
        return key;
    }
}
