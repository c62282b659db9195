package org.jiliang.lims.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jiliang.lims.web.support.PageMessages;

/** Landing page: customers go straight to their certificates, staff to their work. */
@Named
@RequestScoped
public class IndexView {

    @Inject
    private UserView user;

    public void route() {
        if (user.isCustomer()) {
            PageMessages.redirect("/portal/certificates.xhtml");
        } else if (user.isTechnician()) {
            PageMessages.redirect("/jobs.xhtml");
        } else if (user.isApprover()) {
            PageMessages.redirect("/jobs.xhtml");
        } else if (user.isQualityManager()) {
            PageMessages.redirect("/standards.xhtml");
        }
    }
}
