package org.jiliang.lims.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.LikePattern;
import org.jiliang.lims.platform.Paged;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;

/**
 * The register of instruments as the list reads it (issue 11): a page at a time, newest registered first unless a
 * column says otherwise, filtered by a text (customer, description, manufacturer, model, serial number). A customer
 * sees only their own instruments, as in {@link RegistryService#instruments()}.
 */
@Stateless
public class InstrumentList {

    public static final int MAX_PAGE = 1000;
    public static final int MAX_TEXT = 100;

    static final Map<String, String> SORTABLE = Map.of(
            "customer", "c.name",
            "description", "i.description",
            "manufacturer", "i.manufacturer",
            "model", "i.model",
            "serialNumber", "i.serialNumber",
            "nextDueDate", "i.nextDueDate");

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private RegistryCaller caller;
    @Inject
    private Clock clock;

    /** The furthest a "due within" filter looks ahead. */
    public static final int MAX_DUE_WITHIN = 366;

    /**
     * What the list shows: the text may be null, {@code sortBy} null for the newest first. The filters (issue 14),
     * each null for any: the status in the register, the legal category's code, and "due within" — instruments due
     * on or before today + that many days, the overdue included (what an owner has to book).
     */
    public record Query(String text, InstrumentStatus status, String category, Integer dueWithinDays, String sortBy,
            boolean ascending) {

        /** By text alone. */
        public Query(String text, String sortBy, boolean ascending) {
            this(text, null, null, null, sortBy, ascending);
        }
    }

    @RolesAllowed({Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER,
            Roles.INTAKE_CLERK, Roles.ADMINISTRATOR, Roles.CUSTOMER})
    public Paged<InstrumentView> page(Query query, int first, int max) {
        Paged.requirePage(first, max, MAX_PAGE);
        InputLimits.maxLength(query.text(), MAX_TEXT, "field.text");
        String order = Paged.orderBy(SORTABLE, query.sortBy(), "i.id");
        StringBuilder where = new StringBuilder("from InstrumentUnderTest i join i.customer c where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        Customer customer = caller.customer();
        if (customer != null) {
            where.append(" and c.id = :customer");
            parameters.put("customer", customer.id());
        }
        if (query.status() != null) {
            where.append(" and i.status = :status");
            parameters.put("status", query.status());
        }
        if (query.category() != null && !query.category().isBlank()) {
            InputLimits.maxLength(query.category(), 40, "field.legalCategory");
            where.append(" and i.legalCategory = :category");
            parameters.put("category", query.category().strip());
        }
        if (query.dueWithinDays() != null) {
            if (query.dueWithinDays() < 0 || query.dueWithinDays() > MAX_DUE_WITHIN) {
                throw new RefusedException("error.instruments.dueWithin", MAX_DUE_WITHIN);
            }
            where.append(" and i.nextDueDate <= :dueBy");
            parameters.put("dueBy", LocalDate.now(clock).plusDays(query.dueWithinDays()));
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and (lower(c.name) like :text or lower(i.description) like :text"
                    + " or lower(i.manufacturer) like :text or lower(i.model) like :text"
                    + " or lower(i.serialNumber) like :text)");
            parameters.put("text", LikePattern.containing(query.text()));
        }
        String direction = query.ascending() ? " asc" : " desc";
        return Paged.query(em, InstrumentUnderTest.class, "i", "i", where.toString(), parameters,
                order + direction + ", i.id" + direction, first, max, InstrumentView::of);
    }
}
