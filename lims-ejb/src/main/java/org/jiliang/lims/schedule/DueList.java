package org.jiliang.lims.schedule;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.Paged;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.registry.CategoryView;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.registry.InstrumentStatus;
import org.jiliang.lims.registry.LegalCatalogue;
import org.jiliang.lims.registry.RegistryCaller;

/**
 * The due list (issue 12): instruments in service with their due dates, overdue or due within 30, 60 or 90 days,
 * filtered by category, district, site and owner, a page at a time, most urgent first unless a column says
 * otherwise. The institute's staff see every owner; an owner's user sees only their own instruments, whatever
 * owner they name.
 */
@Stateless
public class DueList {

    public static final int MAX_PAGE = 1000;
    public static final int MAX_TEXT = 100;
    /**
     * Rows counted beyond the page asked for: a selection of hundreds of thousands (all instruments, a category, a
     * district of a province) is counted up to the page's end plus this many, and shown as "more than"; counting
     * all of them is most of the list's cost (docs/benchmarks.md §8).
     */
    public static final int COUNT_AHEAD = 10_000;

    static final Map<String, String> SORTABLE = Map.of(
            "nextDueDate", "i.nextDueDate",
            "owner", "c.name",
            "district", "i.district",
            "site", "s.name",
            "category", "i.legalCategory",
            "serialNumber", "i.serialNumber",
            "lastVerifiedOn", "i.lastVerifiedOn");

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private RegistryCaller caller;
    @Inject
    private LegalCatalogue catalogue;
    @Inject
    private Clock clock;

    /**
     * What the list shows; every filter but the window may be null (any).
     *
     * @param owner an owner's code
     * @param text part of the owner's name, description, manufacturer, model, serial or asset number
     */
    public record Query(DueWindow window, String category, String district, String site, String owner, String text,
            String sortBy, boolean ascending) {
    }

    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK, Roles.ADMINISTRATOR, Roles.TECHNICIAN,
            Roles.CUSTOMER})
    public Paged<DueRow> page(Query query, int first, int max) {
        Paged.requirePage(first, max, MAX_PAGE);
        for (String text : new String[] {query.category(), query.district(), query.site(), query.owner(),
                query.text()}) {
            InputLimits.maxLength(text, MAX_TEXT, "field.text");
        }
        LocalDate today = LocalDate.now(clock);
        DueWindow window = query.window() == null ? DueWindow.ALL : query.window();
        Where where = new Where();
        where.and("i.status = " + InstrumentStatus.class.getName() + "." + InstrumentStatus.IN_SERVICE.name(),
                "i.status = '" + InstrumentStatus.IN_SERVICE.name() + "'");
        where.and(window.condition("i.nextDueDate"), window.condition("i.next_due_date"));
        if (window != DueWindow.ALL) {
            where.parameters.put("today", today);
        }
        if (window.until(today) != null) {
            where.parameters.put("until", window.until(today));
        }
        Customer own = caller.customer();
        if (own != null) {
            where.and("i.customer.id = :own", "i.customer_id = :own");
            where.parameters.put("own", own.id());
        }
        where.filter("i.legalCategory = :category", "i.legal_category = :category", "category", query.category());
        where.filter("i.district = :district", "i.district = :district", "district", query.district());
        // the site's name is kept on the instrument (V031): the filter needs no join
        where.filter("i.siteName = :site", "i.site_name = :site", "site", query.site());
        boolean byOwner = where.filter("c.code = :owner", "c.code = :owner", "owner", query.owner());
        boolean byText = query.text() != null && !query.text().isBlank();
        if (byText) {
            where.and("(lower(c.name) like :text or lower(i.description) like :text"
                    + " or lower(i.manufacturer) like :text or lower(i.model) like :text"
                    + " or lower(i.serialNumber) like :text or lower(i.assetNumber) like :text)",
                    "(lower(c.name) like :text or lower(i.description) like :text"
                    + " or lower(i.manufacturer) like :text or lower(i.model) like :text"
                    + " or lower(i.serial_number) like :text or lower(i.asset_number) like :text)");
            where.parameters.put("text", org.jiliang.lims.platform.LikePattern.containing(query.text()));
        }
        String sortBy = query.sortBy();
        String order = Paged.orderBy(SORTABLE, sortBy, "i.nextDueDate");
        boolean ascending = sortBy == null || query.ascending();
        String direction = ascending ? " asc" : " desc";
        Map<String, CategoryView> categories = catalogue.inForce(today).stream()
                .collect(Collectors.toMap(CategoryView::code, Function.identity()));
        // the page's ids first, on the due-date index and without the rows (page 500 walks 12 500 index entries,
        // not 12 500 joined rows), then those 25 rows with their owner and site
        boolean joinOwner = byOwner || byText || "c.name".equals(order);
        boolean joinSite = "s.name".equals(order);
        var ids = em.createQuery("select i.id from InstrumentUnderTest i" + (joinOwner ? " join i.customer c" : "")
                        + (joinSite ? " left join i.site s" : "") + where.jpql + " order by " + order + direction
                        + ", i.id" + direction, Long.class)
                .setFirstResult(first).setMaxResults(max);
        // the count stops at a limit, in the database (a derived table JPQL cannot say), on the same index as the
        // page, joining the owner only when a filter needs it
        int limit = (int) Math.min((long) first + max + COUNT_AHEAD, Integer.MAX_VALUE - 1);
        var count = em.createNativeQuery("select count(*) from (select i.id from instrument_under_test i"
                + (byOwner || byText ? " join customer c on c.id = i.customer_id" : "")
                + where.sql + " limit "
                + (limit + 1) + ") x", Long.class);
        where.parameters.forEach((name, value) -> {
            ids.setParameter(name, value);
            count.setParameter(name, value);
        });
        long counted = ((Number) count.getSingleResult()).longValue();
        List<Long> page = ids.getResultList();
        Map<Long, DueRow> byId = new HashMap<>();
        if (!page.isEmpty()) {
            em.createQuery("select i.id, c.code, c.name, s.name, i.district, i.legalCategory, i.description,"
                            + " i.manufacturer, i.model, i.serialNumber, i.assetNumber, i.lastVerifiedOn,"
                            + " i.lastCertificate, i.nextDueDate from InstrumentUnderTest i join i.customer c"
                            + " left join i.site s where i.id in :ids", Object[].class)
                    .setParameter("ids", page).getResultStream()
                    .forEach(r -> byId.put((Long) r[0], row(r, today, categories)));
        }
        List<DueRow> rows = page.stream().map(byId::get).toList();
        return new Paged<>(rows, Math.min(counted, limit), counted > limit);
    }

    /** The list's conditions, each in JPQL for the page and in SQL for its count, and their parameters. */
    private static final class Where {
        private final StringBuilder jpql = new StringBuilder();
        private final StringBuilder sql = new StringBuilder();
        private final Map<String, Object> parameters = new HashMap<>();

        void and(String jpqlCondition, String sqlCondition) {
            jpql.append(jpql.isEmpty() ? " where " : " and ").append(jpqlCondition);
            sql.append(sql.isEmpty() ? " where " : " and ").append(sqlCondition);
        }

        /** Adds the condition when the value is given; true if it did. */
        boolean filter(String jpqlCondition, String sqlCondition, String name, String value) {
            if (value != null && !value.isBlank()) {
                and(jpqlCondition, sqlCondition);
                parameters.put(name, value.strip());
                return true;
            }
            return false;
        }
    }

    private static DueRow row(Object[] r, LocalDate today, Map<String, CategoryView> categories) {
        String category = (String) r[5];
        CategoryView view = category == null ? null : categories.get(category);
        LocalDate due = (LocalDate) r[13];
        return new DueRow((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], category,
                view == null ? null : view.nameZh() + " " + view.nameEn(), (String) r[6], (String) r[7],
                (String) r[8], (String) r[9], (String) r[10], (LocalDate) r[11], (String) r[12], due,
                ChronoUnit.DAYS.between(today, due));
    }
}
