package org.jiliang.lims.web.support;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.jiliang.lims.platform.RefusedException;

/**
 * The one place pages turn a refusal into the message the user reads, in the view's language. Each message is filed
 * under the control that asked for it (the request's source, a button), so that it is also shown right beside that
 * control ({@link InlineMessages}); without a source it belongs to the whole page.
 */
public final class PageMessages {

    private PageMessages() {
    }

    public static void refused(RefusedException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = e.getMessage(faces.getViewRoot().getLocale());
        faces.addMessage(source(faces), new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        faces.validationFailed();
    }

    /** Confirms a change that worked, with a message of the web bundle. */
    public static void done(String key) {
        info(text(key));
    }

    /** A text of the web bundle in the view's language. */
    public static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }

    /** True when this request already refused something. */
    public static boolean failed() {
        return FacesContext.getCurrentInstance().isValidationFailed();
    }

    public static void info(String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(source(faces), new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    /** The client id of the control whose partial request this is (a button), or null for a full request. */
    static String source(FacesContext faces) {
        String source = faces.getExternalContext().getRequestParameterMap().get("jakarta.faces.source");
        return source == null || source.isBlank() ? null : source;
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
