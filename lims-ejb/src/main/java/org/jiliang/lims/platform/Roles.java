package org.jiliang.lims.platform;

import java.util.List;

/** Role names as stored in {@code user_role} and used in {@code @RolesAllowed} and web.xml. */
public final class Roles {

    public static final String TECHNICIAN = "technician";
    public static final String CHECKER = "checker";
    public static final String APPROVER = "approver";
    public static final String QUALITY_MANAGER = "quality-manager";
    public static final String INTAKE_CLERK = "intake-clerk";
    public static final String ADMINISTRATOR = "administrator";
    public static final String CUSTOMER = "customer";
    /**
     * A customer's user who also administers the users of their own customer (issue 14): invites and removes
     * colleagues. Held only together with {@link #CUSTOMER}.
     */
    public static final String CUSTOMER_ADMINISTRATOR = "customer-administrator";

    public static final List<String> ALL = List.of(
            TECHNICIAN, CHECKER, APPROVER, QUALITY_MANAGER, INTAKE_CLERK, ADMINISTRATOR, CUSTOMER,
            CUSTOMER_ADMINISTRATOR);

    /** The roles a customer's account may hold: customer, and customer administrator besides. */
    public static final List<String> OF_CUSTOMERS = List.of(CUSTOMER, CUSTOMER_ADMINISTRATOR);

    private Roles() {
    }
}
