package org.jiliang.lims.metrology.scale;

/** How far a rule of a procedure edition was checked, with the tags of shared/reference/metrology.md. */
public enum EvidenceTag {
    V("read in the cited source"),
    V2("two independent sources agree"),
    C("computed from checked inputs with the cited formula"),
    M("remembered or from a secondary source only: check before relying on it");

    private final String meaning;

    EvidenceTag(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /** Whether the value was checked against a source; {@link #M} values must be confirmed before relying on them. */
    public boolean confirmed() {
        return this != M;
    }
}
