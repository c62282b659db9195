package org.jiliang.lims.metrology.dmm;

import java.util.List;
import java.util.Objects;

/**
 * Bad input to the multimeter metrology, refused before anything is computed. {@link #key()} is the message key of
 * {@code org/jiliang/lims/messages_{zh,en}.properties} and {@link #arguments()} its arguments, so the method that
 * wires this package in can refuse with the same sentence in the user's language; {@link #getMessage()} is the
 * English sentence for logs and tests.
 */
public final class DmmRefusal extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<Object> arguments;

    DmmRefusal(String key, String englishMessage, Object... arguments) {
        super(englishMessage);
        this.key = Objects.requireNonNull(key, "key");
        this.arguments = List.of(arguments);
    }

    public String key() {
        return key;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
