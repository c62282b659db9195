package org.jiliang.reports.certificate;

import java.util.Objects;

/** The verification regulation followed, e.g. code "JJG 539-2016", title "数字指示秤". */
public record Procedure(String code, String title) {

    public Procedure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
    }
}
