package org.jiliang.lims.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.jiliang.lims.order.Worklists;
import org.jiliang.lims.web.support.PageMessages;

/**
 * Landing page: customers go straight to their certificates; staff land on their worklists, one queue per role
 * with its count (issue 11).
 */
@Named
@RequestScoped
public class IndexView {

    @Inject
    private UserView user;
    @Inject
    private Worklists worklists;

    private List<Worklists.Queue> queues;

    public void route() {
        if (user.isCustomer()) {
            PageMessages.redirect("/portal/certificates.xhtml");
        }
    }

    public List<Worklists.Queue> getQueues() {
        if (queues == null) {
            queues = user.isStaff() ? worklists.mine() : List.of();
        }
        return queues;
    }
}
