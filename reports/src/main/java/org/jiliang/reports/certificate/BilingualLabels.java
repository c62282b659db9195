package org.jiliang.reports.certificate;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * The certificate labels of {@code labels_zh.properties} and {@code labels_en.properties} as one
 * bundle, keyed {@code zh.<key>} and {@code en.<key>}, so a template writes
 * {@code $R{zh.customer.name}} above {@code $R{en.customer.name}}.
 */
final class BilingualLabels extends ResourceBundle {

    static final String BASE_NAME = "org.jiliang.reports.certificate.labels";
    private static final String ZH = "zh.";
    private static final String EN = "en.";

    private final ResourceBundle zh;
    private final ResourceBundle en;

    private BilingualLabels(ResourceBundle zh, ResourceBundle en) {
        this.zh = zh;
        this.en = en;
    }

    static BilingualLabels load() {
        // No fallback to the JVM's default locale: each language comes from its own file or fails.
        ResourceBundle.Control exact = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        ClassLoader loader = BilingualLabels.class.getClassLoader();
        return new BilingualLabels(
                ResourceBundle.getBundle(BASE_NAME, Locale.CHINESE, loader, exact),
                ResourceBundle.getBundle(BASE_NAME, Locale.ENGLISH, loader, exact));
    }

    String zh(String key) {
        return zh.getString(key);
    }

    String en(String key) {
        return en.getString(key);
    }

    @Override
    protected Object handleGetObject(String key) {
        if (key.startsWith(ZH) && zh.containsKey(key.substring(ZH.length()))) {
            return zh.getString(key.substring(ZH.length()));
        }
        if (key.startsWith(EN) && en.containsKey(key.substring(EN.length()))) {
            return en.getString(key.substring(EN.length()));
        }
        return null;
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(handleKeySet());
    }

    @Override
    protected Set<String> handleKeySet() {
        Set<String> keys = new TreeSet<>();
        zh.keySet().forEach(k -> keys.add(ZH + k));
        en.keySet().forEach(k -> keys.add(EN + k));
        return keys;
    }
}
