package org.jiliang.lims.web.support;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The request's messages with the element each belongs beside (issue 11: an error at the top of the page, while the
 * user is at the bottom, looked like nothing happened). A field's conversion or validation message belongs to the
 * field; a refusal or a confirmation to the button that asked for it ({@link PageMessages} files it under the
 * request's source). The template writes them as data; {@code lims/inline-messages.js} shows each right after its
 * element, on every page and after every partial update. The growl and the page's list still show them all.
 */
@Named
@RequestScoped
public class InlineMessages {

    /** One message: the client id of the element it belongs beside, its severity (info, warn, error), its text. */
    public record Item(String forId, String severity, String text) {
    }

    public List<Item> getItems() {
        FacesContext faces = FacesContext.getCurrentInstance();
        List<Item> items = new ArrayList<>();
        for (Iterator<String> ids = faces.getClientIdsWithMessages(); ids.hasNext();) {
            String id = ids.next();
            if (id == null) {
                continue; // a message for the whole page: the page's list and the growl show it
            }
            for (Iterator<FacesMessage> m = faces.getMessages(id); m.hasNext();) {
                FacesMessage message = m.next();
                items.add(new Item(id, severity(message.getSeverity()), message.getSummary()));
            }
        }
        return items;
    }

    private static String severity(FacesMessage.Severity s) {
        if (FacesMessage.SEVERITY_ERROR.equals(s) || FacesMessage.SEVERITY_FATAL.equals(s)) {
            return "error";
        }
        return FacesMessage.SEVERITY_WARN.equals(s) ? "warn" : "info";
    }
}
