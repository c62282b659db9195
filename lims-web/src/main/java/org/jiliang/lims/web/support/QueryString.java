package org.jiliang.lims.web.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A path with the query parameters that have a value, encoded: the export link of a filtered list. */
public final class QueryString {

    private final StringBuilder href;
    private char separator = '?';

    private QueryString(String path) {
        this.href = new StringBuilder(path);
    }

    public static QueryString of(String path) {
        return new QueryString(path);
    }

    /** Adds {@code name=value} unless the value is null or blank. */
    public QueryString with(String name, Object value) {
        String text = value == null ? null : value.toString().strip();
        if (text != null && !text.isEmpty()) {
            href.append(separator).append(name).append('=').append(URLEncoder.encode(text, StandardCharsets.UTF_8));
            separator = '&';
        }
        return this;
    }

    @Override
    public String toString() {
        return href.toString();
    }
}
