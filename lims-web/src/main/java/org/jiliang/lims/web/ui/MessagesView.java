package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.jiliang.lims.notice.CustomerMessages;
import org.jiliang.lims.notice.NoticeKind;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;
import org.jiliang.lims.web.support.PagedModel;

/**
 * The customer's news in the portal ({@code portal/notices.xhtml}, issue 14) and the choice of what comes by e-mail
 * too, which the customer's administrator changes.
 */
@Named
@ViewScoped
public class MessagesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CustomerMessages messages;

    private List<CustomerMessages.Preference> preferences = List.of();
    private final PagedModel<CustomerMessages.MessageView> rows = new PagedModel<>((sortBy, ascending, first, max) ->
            messages.page(first, max), m -> String.valueOf(m.id()), CustomerMessages.MAX_PAGE);

    public void load() {
        try {
            preferences = messages.preferences();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    /** The customer's administrator switches a kind's e-mail on or off. */
    public void toggle(NoticeKind kind, boolean byMail) {
        try {
            preferences = messages.choose(kind, byMail);
            PageMessages.done("messages.preferenceSaved");
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public List<CustomerMessages.Preference> getPreferences() {
        return preferences;
    }

    public PagedModel<CustomerMessages.MessageView> getRows() {
        return rows;
    }
}
