package org.jiliang.lims.platform;

/** Texts people type into a record: trimmed, and refused with the record's own message when empty or too long. */
public final class Texts {

    private Texts() {
    }

    /**
     * The text without surrounding blanks.
     *
     * @param max the column's length
     * @param messageKey the refusal, with {@code max} as its argument {0}
     */
    public static String required(String value, int max, String messageKey) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new RefusedException(messageKey, max);
        }
        return v;
    }
}
