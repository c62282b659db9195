package org.jiliang.lims.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jiliang.lims.registry.CategoryView;
import org.jiliang.lims.registry.LegalCatalogue;

/**
 * The names of the categories under legal control in the page's language, from the catalogue in force today, for
 * every page that shows a category code (the due list, the register, the portal's instruments): read once a request.
 */
@Named
@RequestScoped
public class CategoryNames {

    @Inject
    private LegalCatalogue catalogue;
    @Inject
    private Clock clock;

    private Map<String, CategoryView> categories;

    /** The category's name; blank for none, the code itself for a code the catalogue does not hold. */
    public String name(String code) {
        if (code == null) {
            return "";
        }
        if (categories == null) {
            categories = catalogue.inForce(LocalDate.now(clock)).stream()
                    .collect(Collectors.toMap(CategoryView::code, Function.identity()));
        }
        CategoryView c = categories.get(code);
        if (c == null) {
            return code;
        }
        return FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage().equals("zh") ? c.nameZh()
                : c.nameEn();
    }
}
