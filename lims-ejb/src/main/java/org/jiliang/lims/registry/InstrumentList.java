package org.jiliang.lims.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.LikePattern;
import org.jiliang.lims.platform.Paged;
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

    /** What the list shows: the text may be null, {@code sortBy} null for the newest first. */
    public record Query(String text, String sortBy, boolean ascending) {
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
