package org.jiliang.lims.web.support;

/** Text put into HTML written without a page framework (the public check, a refusal page): escaped, always. */
public final class Html {

    private Html() {
    }

    /** The text with the five characters HTML gives a meaning escaped; "" for none. */
    public static String escaped(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
