package org.jiliang.lims.platform;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Domain messages in Chinese (the default) and English, from {@code org/jiliang/lims/messages_*.properties}. */
public final class Messages {

    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final String BUNDLE = "org.jiliang.lims.messages";
    // Without this control, a missing locale falls back to the JVM's default locale, not to Chinese.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /**
     * An argument that is itself a message, e.g. a field's label: said in the same language as the
     * message it goes into.
     */
    public record Key(String key) {
    }

    public static String format(Locale locale, String key, Object... arguments) {
        Object[] said = arguments.clone();
        for (int i = 0; i < said.length; i++) {
            if (said[i] instanceof Key k) {
                said[i] = format(locale, k.key());
            }
        }
        ResourceBundle bundle = bundle(locale);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return new MessageFormat(pattern, locale).format(said);
    }

    private static ResourceBundle bundle(Locale locale) {
        Locale wanted = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.CHINESE;
        return ResourceBundle.getBundle(BUNDLE, wanted, Messages.class.getClassLoader(), NO_FALLBACK);
    }
}
