package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.CategoryView;
import org.jiliang.lims.registry.LegalCatalogue;
import org.jiliang.lims.web.support.PageMessages;

/**
 * The catalogue of categories under legal control (issue 12): every edition of every category, the one in force
 * today marked, and for the quality manager a later edition of a category (or the first of a new one), started from
 * the edition in force so that only what changes is typed. Its open cycles are re-planned at once (the service).
 */
@Named
@ViewScoped
public class CatalogueView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private LegalCatalogue catalogue;
    @Inject
    private Clock clock;

    @Size(max = 40)
    private String code;
    @Size(max = 60)
    private String edition;
    private LocalDate effectiveFrom;
    @Size(max = 100)
    private String nameZh;
    @Size(max = 100)
    private String nameEn;
    private String supervision = "P+V";
    @Size(max = 100)
    private String regulation;
    @Min(1)
    @Max(org.jiliang.lims.registry.RegistryAdministration.MAX_INTERVAL_MONTHS)
    private int intervalMonths = 12;
    private boolean onSite;
    @Size(max = 100)
    private String freeProgramme;
    @Min(1)
    @Max(LegalCatalogue.MAX_RECALL_DAYS)
    private int recallDays = 30;
    @Size(max = 32)
    private String instrumentKind;
    @Size(max = 400)
    private String source;

    /** Every edition, by category and date. */
    public List<CategoryView> getEditions() {
        return catalogue.allEditions();
    }

    /** The editions in force, read once for the table's rows (again after a registration). */
    private transient Set<CategoryView> inForce;

    /** True for the edition a category is planned with today. */
    public boolean inForce(CategoryView edition) {
        if (inForce == null) {
            inForce = Set.copyOf(catalogue.inForce(LocalDate.now(clock)));
        }
        return inForce.contains(edition);
    }

    /** The form filled from the category's edition in force, for a later edition that changes only some of it. */
    public void startFrom(CategoryView c) {
        code = c.code();
        edition = null;
        effectiveFrom = LocalDate.now(clock);
        nameZh = c.nameZh();
        nameEn = c.nameEn();
        supervision = c.supervision();
        regulation = c.regulation();
        intervalMonths = c.intervalMonths();
        onSite = c.onSite();
        freeProgramme = c.freeProgramme();
        recallDays = c.recallDays();
        instrumentKind = c.instrumentKind();
        source = null;
    }

    public void register() {
        try {
            CategoryView stored = catalogue.register(new CategoryView(code, edition, effectiveFrom, nameZh, nameEn,
                    supervision, regulation, intervalMonths, onSite, freeProgramme, recallDays, instrumentKind,
                    source));
            inForce = null;
            PageMessages.info(java.text.MessageFormat.format(PageMessages.text("catalogue.registered"),
                    stored.code(), stored.edition(), stored.effectiveFrom()));
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public List<String> getSupervisions() {
        return List.of("P", "V", "P+V");
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getEdition() {
        return edition;
    }

    public void setEdition(String edition) {
        this.edition = edition;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(LocalDate effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getSupervision() {
        return supervision;
    }

    public void setSupervision(String supervision) {
        this.supervision = supervision;
    }

    public String getRegulation() {
        return regulation;
    }

    public void setRegulation(String regulation) {
        this.regulation = regulation;
    }

    public int getIntervalMonths() {
        return intervalMonths;
    }

    public void setIntervalMonths(int intervalMonths) {
        this.intervalMonths = intervalMonths;
    }

    public boolean isOnSite() {
        return onSite;
    }

    public void setOnSite(boolean onSite) {
        this.onSite = onSite;
    }

    public String getFreeProgramme() {
        return freeProgramme;
    }

    public void setFreeProgramme(String freeProgramme) {
        this.freeProgramme = freeProgramme;
    }

    public int getRecallDays() {
        return recallDays;
    }

    public void setRecallDays(int recallDays) {
        this.recallDays = recallDays;
    }

    public String getInstrumentKind() {
        return instrumentKind;
    }

    public void setInstrumentKind(String instrumentKind) {
        this.instrumentKind = instrumentKind;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }
}
