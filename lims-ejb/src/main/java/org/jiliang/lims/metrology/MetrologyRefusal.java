package org.jiliang.lims.metrology;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Bad input to a metrology package, refused before anything is judged: it names the message key of
 * {@code org/jiliang/lims/messages_{zh,en}.properties} and its arguments, so that the method that calls the package
 * refuses with {@code RefusedException(key(), arguments())} in the user's language. The exception's own message, for
 * logs, is the English text.
 */
public class MetrologyRefusal extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final String BUNDLE = "org.jiliang.lims.messages";

    private final String key;
    private final String[] arguments;

    protected MetrologyRefusal(String key, Object... arguments) {
        this(key, Arrays.stream(arguments).map(String::valueOf).toArray(String[]::new));
    }

    private MetrologyRefusal(String key, String[] arguments) {
        super(english(key, arguments));
        this.key = key;
        this.arguments = arguments;
    }

    /** The message key, e.g. "error.bp.indicationUnit". */
    public String key() {
        return key;
    }

    /** The arguments of the message, already written out (numbers with their units). */
    public Object[] arguments() {
        return arguments.clone();
    }

    private static String english(String key, String[] arguments) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, MetrologyRefusal.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
        } catch (MissingResourceException ex) {
            pattern = key + " " + String.join(", ", arguments);
        }
        return new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
    }
}
