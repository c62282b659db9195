package org.jiliang.lims.web.api;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jiliang.lims.platform.Messages;

/**
 * One thing wrong with a request body: the member as the caller wrote it ({@code frames[2].value}; empty for
 * the body as a whole) and a message key with its arguments, said in the caller's language when answered.
 */
record InputProblem(String field, String key, Object... arguments) {

    private static final Pattern MEMBER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    /** A member name the caller made up is shown, but not without end. */
    private static final int MAX_FIELD = 100;

    Problem.FieldProblem say(Locale locale) {
        String shown = field.length() > MAX_FIELD ? field.substring(0, MAX_FIELD) + "…" : field;
        return new Problem.FieldProblem(shown, label(locale), Messages.format(locale, key, arguments));
    }

    /** The member's label from the bundle ({@code field.humidity} → 相对湿度), else its name as sent. */
    private String label(Locale locale) {
        String last = field.isEmpty() ? "body" : field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
        if (!MEMBER_NAME.matcher(last).matches()) {
            return last.length() > MAX_FIELD ? last.substring(0, MAX_FIELD) + "…" : last;
        }
        String key = "field." + last;
        String label = Messages.format(locale, key);
        return label.equals(key) ? last : label;
    }
}
