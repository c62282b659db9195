package org.jiliang.lims.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The message keys a part of the main sources uses, found by a pattern whose first group is the key: what the tests
 * that say "every refusal of this package is in both languages" check against the bundles.
 */
public final class SourceKeys {

    private SourceKeys() {
    }

    /**
     * Every key {@code pattern}'s first group matches in the Java sources under {@code directory} (relative to the
     * module, e.g. {@code src/main/java/org/jiliang/lims/metrology/dmm}), sorted.
     */
    public static Set<String> in(String directory, String pattern) {
        Pattern key = Pattern.compile(pattern);
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of(directory))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** The keys of {@code keys} the bundles have no Chinese or no English message for: empty when all are said. */
    public static Set<String> unsaid(Set<String> keys) {
        Set<String> unsaid = new TreeSet<>();
        for (String k : keys) {
            if (Messages.format(Locale.CHINESE, k).equals(k) || Messages.format(Locale.ENGLISH, k).equals(k)) {
                unsaid.add(k);
            }
        }
        return unsaid;
    }
}
