package org.jiliang.lims.order;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.LikePattern;
import org.jiliang.lims.platform.Paged;
import org.jiliang.lims.platform.Roles;

/**
 * The jobs as a list reads them (issue 11: every list paged, sortable, filterable and exported): a page at a time
 * however many jobs the institute has, without evaluating any job's results, sorted by a column, filtered by a text
 * (job number, instrument, serial number or customer) and a state.
 */
@Stateless
public class JobList {

    /** The most rows one query reads: a page of the list, or a page of the export. */
    public static final int MAX_PAGE = 1000;
    /** The longest filter text: a job number, a serial number or a customer's name fits. */
    public static final int MAX_TEXT = 100;

    /** The columns the list sorts by, and the query path of each. */
    static final Map<String, String> SORTABLE = Map.of(
            "jobNumber", "j.id",
            "createdAt", "j.createdAt",
            "customer", "c.name",
            "description", "i.description",
            "procedure", "j.procedureCode",
            "technician", "t.displayName",
            "state", "j.state");

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    /** What the list shows: any of the criteria may be null. */
    public record Query(String text, JobState state, String sortBy, boolean ascending) {
    }

    @RolesAllowed({Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK})
    public Paged<JobRow> page(Query query, int first, int max) {
        Paged.requirePage(first, max, MAX_PAGE);
        InputLimits.maxLength(query.text(), MAX_TEXT, "field.text");
        String order = Paged.orderBy(SORTABLE, query.sortBy(), "j.id");
        StringBuilder where = new StringBuilder("from VerificationJob j join j.instrument i join i.customer c"
                + " left join j.technician t left join j.benchDevice d where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and (lower(j.jobNumber) like :text or lower(i.description) like :text"
                    + " or lower(i.serialNumber) like :text or lower(c.name) like :text)");
            parameters.put("text", LikePattern.containing(query.text()));
        }
        if (query.state() != null) {
            where.append(" and j.state = :state");
            parameters.put("state", query.state());
        }
        String direction = query.ascending() ? " asc" : " desc";
        return Paged.query(em, JobRow.class, "new org.jiliang.lims.order.JobRow(j.id, j.jobNumber, j.state, j.version,"
                + " i.description, i.serialNumber, c.name, j.procedureCode, t.displayName, d.code, j.createdAt)", "j",
                where.toString(), parameters, order + direction + ", j.id" + direction, first, max, row -> row);
    }
}
