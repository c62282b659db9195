package org.jiliang.lims.platform;

import java.util.Locale;

/**
 * A text a person types into a list's search, as a query's LIKE pattern: found anywhere, whatever its case, its
 * own % and _ taken literally (escaped with a backslash, the default escape of H2 and PostgreSQL). Compare it with
 * {@code lower(column)}.
 */
public final class LikePattern {

    private LikePattern() {
    }

    public static String containing(String text) {
        return "%" + literal(text.strip().toLowerCase(Locale.ROOT)) + "%";
    }

    /** The text taken literally, for a pattern of one's own ({@code job.} followed by anything). */
    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
