package org.jiliang.lims.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jiliang.lims.platform.Settings;
import org.wildfly.security.credential.SecretKeyCredential;
import org.wildfly.security.credential.store.CredentialStore;
import org.wildfly.security.credential.store.WildFlyElytronCredentialStoreProvider;

/**
 * The anchor key, read from the Elytron secret-key credential store that configure-server.cli
 * defines (WildFly creates the store and a 256-bit key in it at its first start). The application
 * opens the same file with Elytron's own credential store API, read-only; the key never reaches
 * the database, the repository or a log.
 */
@ApplicationScoped
public class AnchorKeyring {

    /** The alias configure-server.cli gives the key ({@code default-alias}). */
    static final String ALIAS = "audit-anchor";

    private static final Logger LOG = Logger.getLogger(AnchorKeyring.class.getName());

    private volatile AnchorSeal seal;

    /** The seal, or empty when the store or the key cannot be read (logged; tried again next time). */
    public Optional<AnchorSeal> seal() {
        AnchorSeal known = seal;
        if (known == null) {
            known = load(Settings.auditKeyStore()).orElse(null);
            seal = known;
        }
        return Optional.ofNullable(known);
    }

    /** The witness file beside the key store. */
    public AnchorWitness witness() {
        Path store = Settings.auditKeyStore();
        return new AnchorWitness(store.resolveSibling(store.getFileName() + ".last-anchor"));
    }

    static Optional<AnchorSeal> load(Path store) {
        if (!Files.isRegularFile(store)) {
            LOG.warning(() -> "No audit anchor key store at " + store + ": anchors are neither made nor checked");
            return Optional.empty();
        }
        try {
            restrictToOwner(store);
            CredentialStore credentials = CredentialStore.getInstance("PropertiesCredentialStore",
                    WildFlyElytronCredentialStoreProvider.getInstance());
            credentials.initialize(Map.of("location", store.toString(), "create", "false"));
            SecretKeyCredential key = credentials.retrieve(ALIAS, SecretKeyCredential.class);
            if (key == null) {
                LOG.warning(() -> "The key store " + store + " has no key '" + ALIAS + "'");
                return Optional.empty();
            }
            return Optional.of(new AnchorSeal(key.getSecretKey()));
        } catch (java.security.GeneralSecurityException e) { // CredentialStoreException among them
            LOG.log(Level.WARNING, "Cannot read the audit anchor key from " + store, e);
            return Optional.empty();
        }
    }

    /** Elytron writes the store with the process's default permissions; a key is for its owner only. */
    private static void restrictToOwner(Path store) {
        try {
            Files.setPosixFilePermissions(store, EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            LOG.warning(() -> "Cannot restrict the permissions of " + store + " to its owner (" + e
                    + "): restrict them by hand, the audit anchor key must not be readable by others");
        }
    }
}
