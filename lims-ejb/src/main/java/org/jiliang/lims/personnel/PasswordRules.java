package org.jiliang.lims.personnel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jiliang.lims.platform.RefusedException;

/**
 * What a new password must be (docs/security.md, "Passwords"), after OWASP ASVS 4.0.3 §2.1 and NIST SP 800-63B
 * §5.1.1.2: at least {@value #MIN_LENGTH} and at most {@value #MAX_LENGTH} characters, any characters (spaces
 * and Chinese included), no composition rules; not a password known from breaches (a bundled list, compared
 * without regard to case), not the user's name, not one character or a short group repeated, not a plain run
 * such as {@code 123456789012} or {@code abcdefghijkl}.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    static final String BREACHED_LIST = "/org/jiliang/lims/personnel/breached-passwords.txt";

    private static final Set<String> BREACHED = load();

    private PasswordRules() {
    }

    /** Refuses a password that breaks a rule, with the rule in words a person understands. */
    public static void check(char[] password, String username) {
        String p = new String(password);
        int length = p.codePointCount(0, p.length());
        if (length < MIN_LENGTH) {
            throw new RefusedException("error.password.short", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw new RefusedException("error.password.long", MAX_LENGTH);
        }
        String lower = p.toLowerCase(Locale.ROOT);
        if (BREACHED.contains(lower)) {
            throw new RefusedException("error.password.breached");
        }
        if (username != null && username.strip().length() >= 3
                && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            throw new RefusedException("error.password.containsName");
        }
        if (repeatsAShortGroup(lower) || isARun(lower)) {
            throw new RefusedException("error.password.pattern");
        }
    }

    /** "aaaaaaaaaaaa", "abababababab", "520520520520": one to four characters over and over. */
    static boolean repeatsAShortGroup(String p) {
        for (int unit = 1; unit <= 4 && unit < p.length(); unit++) {
            boolean repeats = true;
            for (int i = unit; i < p.length() && repeats; i++) {
                repeats = p.charAt(i) == p.charAt(i - unit);
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    /** Every character one up (or one down) from the one before: "123456789012" counts 9→0 as a step too. */
    static boolean isARun(String p) {
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < p.length(); i++) {
            char a = p.charAt(i - 1);
            char b = p.charAt(i);
            up &= b == a + 1 || a == '9' && b == '0' || a == 'z' && b == 'a';
            down &= b == a - 1 || a == '0' && b == '9' || a == 'a' && b == 'z';
        }
        return up || down;
    }

    private static Set<String> load() {
        Set<String> list = new HashSet<>();
        try (InputStream in = PasswordRules.class.getResourceAsStream(BREACHED_LIST)) {
            if (in == null) {
                throw new IllegalStateException(BREACHED_LIST + " is missing from the build");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    list.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(list);
    }

    static int breachedListSize() {
        return BREACHED.size();
    }
}
