package org.jiliang.lims.web.support;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.jiliang.lims.platform.RefusedException;

/** The one place pages turn a refusal into the message the user reads, in the view's language. */
public final class PageMessages {

    private PageMessages() {
    }

    public static void refused(RefusedException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = e.getMessage(faces.getViewRoot().getLocale());
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        faces.validationFailed();
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    public static void redirect(String path) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
