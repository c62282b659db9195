package org.jiliang.lims.web.support;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A page's forms post to the page's address with its view parameters ({@code standards.xhtml?flag=OVERDUE}), as they
 * stand when the form is written. Faces posts a form to the bare view, so after a full postback (a row's button on the
 * standards list) the address bar lost the selection: a reload, a bookmark or a link copied from it showed the whole
 * list. (Pages that post only by AJAX, the bench and the review, never changed their address.) Only the view's own
 * address is changed; links and redirects, which Faces builds with their own parameters, are left to it.
 */
public final class ViewParametersInForms extends ViewHandlerWrapper {

    /** Set while Faces builds a link's or a redirect's address, which carries parameters of its own. */
    private static final String BUILDING_LINK = ViewParametersInForms.class.getName() + ".link";

    public ViewParametersInForms(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        String url = super.getActionURL(context, viewId);
        UIViewRoot root = context.getViewRoot();
        if (root == null || !viewId.equals(root.getViewId()) || context.getAttributes().containsKey(BUILDING_LINK)) {
            return url;
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (UIViewParameter parameter : ViewMetadata.getViewParameters(root)) {
            String value = parameter.getStringValue(context);
            if (parameter.getName() != null && value != null && !value.isEmpty()) {
                parameters.put(parameter.getName(), List.of(value));
            }
        }
        return parameters.isEmpty() ? url : context.getExternalContext().encodeBookmarkableURL(url, parameters);
    }

    @Override
    public String getBookmarkableURL(FacesContext context, String viewId, Map<String, List<String>> parameters,
            boolean includeViewParams) {
        return asLink(context, () -> super.getBookmarkableURL(context, viewId, parameters, includeViewParams));
    }

    @Override
    public String getRedirectURL(FacesContext context, String viewId, Map<String, List<String>> parameters,
            boolean includeViewParams) {
        return asLink(context, () -> super.getRedirectURL(context, viewId, parameters, includeViewParams));
    }

    /** Builds a link's or a redirect's address: Faces adds its parameters, this handler adds none. */
    private static String asLink(FacesContext context, Supplier<String> address) {
        context.getAttributes().put(BUILDING_LINK, Boolean.TRUE);
        try {
            return address.get();
        } finally {
            context.getAttributes().remove(BUILDING_LINK);
        }
    }
}
