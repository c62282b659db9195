package org.jiliang.lims.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * One edition of a category of instruments under legal control: what the catalogue says of it from its effective
 * date. Never changed once stored; a change is a later edition.
 */
@Entity
@Table(name = "legal_category")
public class LegalCategory {

    /** P: type approval; V: mandatory verification; P+V: both (SAMR announcement 2019 No. 48). */
    public static final java.util.Set<String> SUPERVISION = java.util.Set.of("P", "V", "P+V");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;
    @Column(nullable = false, updatable = false)
    private String edition;
    @Column(name = "effective_from", nullable = false, updatable = false)
    private LocalDate effectiveFrom;
    @Column(name = "name_zh", nullable = false, updatable = false)
    private String nameZh;
    @Column(name = "name_en", nullable = false, updatable = false)
    private String nameEn;
    @Column(nullable = false, updatable = false)
    private String supervision;
    @Column(nullable = false, updatable = false)
    private String regulation;
    @Column(name = "interval_months", nullable = false, updatable = false)
    private int intervalMonths;
    @Column(name = "on_site", nullable = false, updatable = false)
    private boolean onSite;
    @Column(name = "free_programme", updatable = false)
    private String freeProgramme;
    @Column(name = "recall_days", nullable = false, updatable = false)
    private int recallDays;
    @Column(name = "instrument_kind", updatable = false)
    private String instrumentKind;
    @Column(nullable = false, updatable = false)
    private String source;

    protected LegalCategory() {
    }

    /** The values are checked by {@link LegalCatalogue} before an edition is stored. */
    LegalCategory(CategoryView v) {
        this.code = v.code();
        this.edition = v.edition();
        this.effectiveFrom = v.effectiveFrom();
        this.nameZh = v.nameZh();
        this.nameEn = v.nameEn();
        this.supervision = v.supervision();
        this.regulation = v.regulation();
        this.intervalMonths = v.intervalMonths();
        this.onSite = v.onSite();
        this.freeProgramme = v.freeProgramme();
        this.recallDays = v.recallDays();
        this.instrumentKind = v.instrumentKind();
        this.source = v.source();
    }

    public CategoryView view() {
        return new CategoryView(code, edition, effectiveFrom, nameZh, nameEn, supervision, regulation, intervalMonths,
                onSite, freeProgramme, recallDays, instrumentKind, source);
    }

    public CategoryEdition asEdition() {
        return new CategoryEdition(edition, effectiveFrom, intervalMonths);
    }

    public String code() {
        return code;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }
}
