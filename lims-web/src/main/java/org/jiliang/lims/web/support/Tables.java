package org.jiliang.lims.web.support;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIData;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * A paged table back on its first page when its list's filter changes (page 3 of the old selection may not exist in
 * the new one): {@code action="#{tables.firstPage('jobs')}"} on the filter's button.
 */
@Named
@RequestScoped
public class Tables {

    public void firstPage(String clientId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().invokeOnComponent(faces, clientId, (context, table) -> ((UIData) table).setFirst(0));
    }
}
