package org.jiliang.lims.registry;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.metrology.CsvResource;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.Texts;

/**
 * The catalogue of categories under legal control, with every edition (issue 12). It ships as
 * {@value #RESOURCE}, stored at start ({@link #seed()}); the quality manager registers a later edition of a category
 * from its effective date, which re-plans the open cycles of that category ({@link DuePlanner#replan(String)}).
 */
@Stateless
public class LegalCatalogue {

    static final String RESOURCE = "legal/control-catalogue.csv";
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    public static final int MAX_RECALL_DAYS = 365;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private AuditTrail audit;
    @Inject
    private RegistryCaller caller;
    @Inject
    private DuePlanner planner;

    /** Every edition of the catalogue file that is not stored yet is stored; returns how many. */
    @PermitAll
    public int seed() {
        int added = 0;
        for (CategoryView v : fromFile()) {
            boolean stored = !em.createQuery("select c.id from LegalCategory c where c.code = :c and c.edition = :e",
                    Long.class).setParameter("c", v.code()).setParameter("e", v.edition()).getResultList().isEmpty();
            if (!stored) {
                em.persist(new LegalCategory(v));
                audit.record(new AuditEvent("system (catalogue " + RESOURCE + ")", "catalogue.editionRegistered",
                        "LegalCategory", v.code(), null, null, describe(v), null));
                added++;
            }
        }
        return added;
    }

    /** The catalogue file as shipped with this release. */
    static List<CategoryView> fromFile() {
        List<CategoryView> views = new ArrayList<>();
        for (CsvResource.Row r : CsvResource.load(RESOURCE).requireMetadata("source").rows()) {
            String programme = r.values().get("free_programme");
            String kind = r.values().get("instrument_kind");
            views.add(new CategoryView(r.text("code"), r.text("edition"), r.date("effective_from"), r.text("name_zh"),
                    r.text("name_en"), r.text("supervision"), r.text("regulation"), r.integer("interval_months"),
                    Boolean.parseBoolean(r.text("on_site")), programme == null || programme.isEmpty() ? null : programme,
                    r.integer("recall_days"), kind == null || kind.isEmpty() ? null : kind,
                    r.text("source") + " " + r.text("tag")));
        }
        return views;
    }

    /** Each category as the edition in force on the day says it, by code. */
    @PermitAll
    public List<CategoryView> inForce(LocalDate day) {
        Map<String, CategoryView> current = new LinkedHashMap<>();
        for (LegalCategory c : all()) {
            if (!c.effectiveFrom().isAfter(day) || !current.containsKey(c.code())) {
                current.put(c.code(), c.view());
            }
        }
        return current.values().stream().sorted(Comparator.comparing(CategoryView::code)).toList();
    }

    /** The free-verification programmes today's catalogue puts categories in, each once, sorted. */
    @PermitAll
    public List<String> programmes() {
        return inForce(LocalDate.now(clock)).stream().map(CategoryView::freeProgramme).filter(p -> p != null)
                .distinct().sorted().toList();
    }

    /** The category as in force today, if it exists. */
    @PermitAll
    public Optional<CategoryView> current(String code) {
        LocalDate today = LocalDate.now(clock);
        return inForce(today).stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The category an instrument of the register's kind falls in unless registered otherwise (today's catalogue). */
    @PermitAll
    public Optional<CategoryView> ofKind(String instrumentKind) {
        LocalDate today = LocalDate.now(clock);
        return inForce(today).stream().filter(c -> instrumentKind.equals(c.instrumentKind())).findFirst();
    }

    /** Every edition of every category: by code, oldest first (the catalogue page). */
    @PermitAll
    public List<CategoryView> allEditions() {
        return all().stream().map(LegalCategory::view).toList();
    }

    /** Every edition of a category, oldest first (none for an unknown code or null). */
    @PermitAll
    public List<CategoryView> editions(String code) {
        return all().stream().filter(c -> c.code().equals(code)).map(LegalCategory::view).toList();
    }

    /** The codes of the categories under mandatory verification (V or P+V) in today's catalogue. */
    @PermitAll
    public java.util.Set<String> mandatoryCategories() {
        return inForce(LocalDate.now(clock)).stream().filter(CategoryView::mandatoryVerification)
                .map(CategoryView::code).collect(java.util.stream.Collectors.toSet());
    }

    /** What the due plan needs of every category: code → its editions. */
    @PermitAll
    public Map<String, List<CategoryEdition>> plans() {
        Map<String, List<CategoryEdition>> plans = new LinkedHashMap<>();
        for (LegalCategory c : all()) {
            plans.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c.asEdition());
        }
        return plans;
    }

    /**
     * A later edition of a category (or the first of a new one): effective today or later, after the category's
     * latest edition; the open cycles of the category are re-planned with it at once.
     */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR})
    public CategoryView register(CategoryView v) {
        String code = v.code() == null ? "" : v.code().strip();
        if (!CODE.matcher(code).matches()) {
            throw new RefusedException("error.catalogue.code", code);
        }
        String edition = Texts.required(v.edition(), 60, "error.catalogue.edition");
        LocalDate today = LocalDate.now(clock);
        if (v.effectiveFrom() == null || v.effectiveFrom().isBefore(today)) {
            throw new RefusedException("error.catalogue.effectiveFrom", v.effectiveFrom(), today);
        }
        List<CategoryView> earlier = editions(code);
        for (CategoryView e : earlier) {
            if (e.edition().equals(edition)) {
                throw new RefusedException("error.catalogue.editionExists", code, edition);
            }
            if (!e.effectiveFrom().isBefore(v.effectiveFrom())) {
                throw new RefusedException("error.catalogue.notLater", code, e.edition(), e.effectiveFrom());
            }
        }
        if (v.supervision() == null || !LegalCategory.SUPERVISION.contains(v.supervision())) {
            throw new RefusedException("error.catalogue.supervision", v.supervision());
        }
        if (v.intervalMonths() < 1 || v.intervalMonths() > RegistryAdministration.MAX_INTERVAL_MONTHS) {
            throw new RefusedException("error.instrument.interval", v.intervalMonths(),
                    RegistryAdministration.MAX_INTERVAL_MONTHS);
        }
        if (v.recallDays() < 1 || v.recallDays() > MAX_RECALL_DAYS) {
            throw new RefusedException("error.catalogue.recallDays", v.recallDays(), MAX_RECALL_DAYS);
        }
        String programme = v.freeProgramme() == null || v.freeProgramme().isBlank() ? null : v.freeProgramme().strip();
        InputLimits.maxLength(programme, 100, "field.freeProgramme");
        String kind = v.instrumentKind() == null || v.instrumentKind().isBlank() ? null : v.instrumentKind().strip();
        InputLimits.maxLength(kind, 32, "field.kind");
        if (kind != null) {
            // a kind of instrument falls in one category: another claiming it would move every new scale there
            all().stream().map(LegalCategory::view).filter(c -> kind.equals(c.instrumentKind())
                    && !c.code().equals(code)).findFirst().ifPresent(other -> {
                        throw new RefusedException("error.catalogue.kindTaken", kind, other.code(), other.nameZh());
                    });
        }
        CategoryView stored = new CategoryView(code, edition, v.effectiveFrom(),
                Texts.required(v.nameZh(), 100, "error.catalogue.name"),
                Texts.required(v.nameEn(), 100, "error.catalogue.name"), v.supervision(),
                Texts.required(v.regulation(), 100, "error.catalogue.regulation"), v.intervalMonths(), v.onSite(),
                programme, v.recallDays(), kind, Texts.required(v.source(), 400, "error.catalogue.source"));
        em.persist(new LegalCategory(stored));
        em.flush();
        String before = earlier.isEmpty() ? null : describe(earlier.get(earlier.size() - 1));
        audit.record(new AuditEvent(caller.username(), "catalogue.editionRegistered", "LegalCategory", code, null,
                before, describe(stored), null));
        planner.replan(code);
        return stored;
    }

    private List<LegalCategory> all() {
        return em.createQuery("select c from LegalCategory c order by c.code, c.effectiveFrom", LegalCategory.class)
                .getResultList();
    }

    static String describe(CategoryView v) {
        return v.code() + " " + v.edition() + " from " + v.effectiveFrom() + ": " + v.nameZh() + " / " + v.nameEn()
                + "; " + v.supervision() + "; " + v.regulation() + "; interval " + v.intervalMonths() + " months; "
                + (v.onSite() ? "on site" : "at the lab") + "; recall " + v.recallDays() + " days ahead"
                + (v.freeProgramme() == null ? "" : "; free programme " + v.freeProgramme())
                + (v.instrumentKind() == null ? "" : "; kind " + v.instrumentKind()) + "; source " + v.source();
    }
}
