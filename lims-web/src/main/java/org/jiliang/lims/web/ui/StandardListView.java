package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.jiliang.lims.standard.StandardService;
import org.jiliang.lims.standard.StandardView;

@Named
@ViewScoped
public class StandardListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StandardService standards;

    private List<StandardView> rows;

    /** After a change: the list is read again. */
    public void reload() {
        rows = null;
    }

    public List<StandardView> getRows() {
        if (rows == null) {
            rows = standards.standards();
        }
        return rows;
    }
}
