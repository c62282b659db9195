package org.jiliang.lims.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a server outside demo mode must have before it serves anyone: a public https:// address that is
 * not this machine's loopback (QR codes on certificates point there and plain HTTP is redirected
 * there), a database password of its own (not the embedded default sa/sa), and the institute's TLS key
 * store. Each problem is a sentence that names the setting to change; the demo needs none of them.
 */
public final class ProductionReadiness {

    /** The embedded database's built-in password, which only the demo may use. */
    static final String DEFAULT_DATABASE_PASSWORD = "sa";

    private ProductionReadiness() {
    }

    /**
     * @param demo      whether the server runs the demo ({@code -Djiliang.demo=true})
     * @param publicUrl the configured public address ({@code -Djiliang.public-url})
     * @param env       the process environment (LIMS_DB_PASSWORD, LIMS_TLS_KEYSTORE, LIMS_TLS_KEYSTORE_PASSWORD,
     *                  LIMS_SIGNING_KEYSTORE, LIMS_SIGNING_KEYSTORE_PASSWORD)
     * @return the problems that forbid a start, empty when there are none (always empty in demo mode)
     */
    public static List<String> problems(boolean demo, String publicUrl, UnaryOperator<String> env) {
        if (demo) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        publicUrlProblem(publicUrl).ifPresent(problems::add);
        String dbPassword = env.apply("LIMS_DB_PASSWORD");
        if (blank(dbPassword) || DEFAULT_DATABASE_PASSWORD.equals(dbPassword)) {
            problems.add("LIMS_DB_PASSWORD is " + (blank(dbPassword) ? "not set" : "the built-in default")
                    + ": outside demo mode the database account needs a password of its own."
                    + " Set LIMS_DB_USER and LIMS_DB_PASSWORD to the LIMS's database account.");
        }
        problems.addAll(keyStoreProblems("LIMS_TLS", "HTTPS needs the institute's certificate", "the server's",
                env.apply("LIMS_TLS_KEYSTORE"), env.apply("LIMS_TLS_KEYSTORE_PASSWORD")));
        problems.addAll(keyStoreProblems("LIMS_SIGNING", "certificates are signed (PAdES) with the institute's"
                + " document-signing key", "the signing", env.apply("LIMS_SIGNING_KEYSTORE"),
                env.apply("LIMS_SIGNING_KEYSTORE_PASSWORD")));
        return Collections.unmodifiableList(problems);
    }

    private static Optional<String> publicUrlProblem(String publicUrl) {
        String advice = " Start the server with -Djiliang.public-url=https://<the institute's host name>/lims"
                + " (the address users and the QR codes on certificates reach).";
        URI uri;
        try {
            uri = new URI(publicUrl == null ? "" : publicUrl.strip());
        } catch (URISyntaxException e) {
            return Optional.of("jiliang.public-url '" + publicUrl + "' is not an address." + advice);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return Optional.of("jiliang.public-url is '" + publicUrl
                    + "': outside demo mode it must be an https:// address." + advice);
        }
        if (isLocal(uri.getHost())) {
            return Optional.of("jiliang.public-url is '" + publicUrl
                    + "': it points to this machine itself, which no one else can reach." + advice);
        }
        return Optional.empty();
    }

    private static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        // literal addresses only: a host name is not resolved here (the institute's DNS may not be up yet)
        if (h.matches("[0-9.]+") || h.startsWith("[")) {
            try {
                InetAddress a = InetAddress.getByName(h.replace("[", "").replace("]", ""));
                return a.isLoopbackAddress() || a.isAnyLocalAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * A PKCS#12 key store named by {@code <prefix>_KEYSTORE} with its {@code <prefix>_KEYSTORE_PASSWORD}, holding a
     * private key with its certificate chain.
     */
    private static List<String> keyStoreProblems(String prefix, String why, String whose, String path,
            String password) {
        String store = prefix + "_KEYSTORE";
        if (blank(path)) {
            return List.of(store + " is not set: outside demo mode " + why + "."
                    + " Set " + store + " to a PKCS#12 file with the certificate chain and private key,"
                    + " and " + store + "_PASSWORD to its password.");
        }
        Path file = Path.of(path);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return List.of(store + " is '" + path + "', which is not a readable file."
                    + " Set it to the institute's PKCS#12 key store.");
        }
        if (blank(password)) {
            return List.of(store + "_PASSWORD is not set: set it to the password of " + path + ".");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password.toCharArray());
            for (String alias : Collections.list(keys.aliases())) {
                if (keys.isKeyEntry(alias)) {
                    return List.of();
                }
            }
            return List.of(store + " " + path + " holds no private key: it must contain " + whose
                    + " certificate chain with its key.");
        } catch (IOException | GeneralSecurityException e) {
            return List.of(store + " " + path + " cannot be opened as PKCS#12 with " + store + "_PASSWORD ("
                    + e.getMessage() + "). Check the file and the password.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
