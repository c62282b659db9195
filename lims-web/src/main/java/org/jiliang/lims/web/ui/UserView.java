package org.jiliang.lims.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jiliang.lims.personnel.AccountView;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.Roles;

/** The logged-in user for the template: name and which menu entries to show. */
@Named
@RequestScoped
public class UserView {

    @Inject
    private CurrentUser currentUser;

    private AccountView me;

    public AccountView getMe() {
        if (me == null) {
            me = currentUser.me();
        }
        return me;
    }

    public boolean isStaff() {
        return !getMe().customer();
    }

    public boolean isTechnician() {
        return getMe().has(Roles.TECHNICIAN);
    }

    public boolean isIntakeClerk() {
        return getMe().has(Roles.INTAKE_CLERK);
    }

    public boolean isApprover() {
        return getMe().has(Roles.APPROVER);
    }

    public boolean isChecker() {
        return getMe().has(Roles.CHECKER);
    }

    public boolean isAdministrator() {
        return getMe().has(Roles.ADMINISTRATOR);
    }

    public boolean isQualityManager() {
        return getMe().has(Roles.QUALITY_MANAGER);
    }

    /** Who may read the stored device frames (FrameArchive): staff who measure, check, sign or audit. */
    public boolean isFrameReader() {
        return isTechnician() || isChecker() || isApprover() || isQualityManager() || isAdministrator();
    }

    public boolean isCustomer() {
        return getMe().customer();
    }

    /** A customer's user who administers their organisation's users. */
    public boolean isCustomerAdministrator() {
        return getMe().has(Roles.CUSTOMER_ADMINISTRATOR);
    }
}
