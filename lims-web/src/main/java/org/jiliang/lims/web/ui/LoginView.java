package org.jiliang.lims.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Map;
import org.jiliang.lims.platform.Messages;
import org.jiliang.lims.web.support.LimsAuthenticationMechanism;
import org.jiliang.lims.web.support.LimsAuthenticationMechanism.Refusal;

/** The login page: why the last attempt was refused, shown once, in the page's language. */
@Named
@RequestScoped
public class LoginView {

    private String refusal;

    public String getRefusal() {
        if (refusal == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            Map<String, Object> session = faces.getExternalContext().getSessionMap();
            Object last = session.remove(LimsAuthenticationMechanism.LOGIN_REFUSAL);
            refusal = last instanceof Refusal r
                    ? Messages.format(faces.getViewRoot().getLocale(), r.messageKey(), r.retryAt()) : "";
        }
        return refusal;
    }
}
