package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jiliang.lims.standard.StandardService;
import org.jiliang.lims.standard.StandardView;
import org.jiliang.lims.standard.check.StandardsAtAGlance;

/**
 * The standards page: every standard with its status, and at a glance (issue 13) how many are valid, due soon,
 * overdue, suspended, with a check overdue, out of control or out of tolerance, each count a filter
 * ({@code standards.xhtml?flag=CHECK_OVERDUE}).
 */
@Named
@ViewScoped
public class StandardListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StandardService standards;
    @Inject
    private StandardsAtAGlance glance;

    private String flag;
    private List<StandardView> rows;
    private StandardsAtAGlance.Overview overview;
    private Map<String, StandardsAtAGlance.Row> byCode;

    /** After a change: the list is read again. */
    public void reload() {
        rows = null;
        overview = null;
    }

    public List<StandardView> getRows() {
        if (rows == null) {
            Set<String> selected = getOverview().rows().stream().map(StandardsAtAGlance.Row::code)
                    .collect(Collectors.toSet());
            rows = standards.standards().stream().filter(s -> selected.contains(s.code())).toList();
        }
        return rows;
    }

    public StandardsAtAGlance.Overview getOverview() {
        if (overview == null) {
            overview = glance.overview(selectedFlag());
            byCode = overview.rows().stream().collect(Collectors.toMap(StandardsAtAGlance.Row::code,
                    Function.identity()));
        }
        return overview;
    }

    /** The flags a standard carries beyond its calibration status (check overdue, out of control, …). */
    public List<StandardsAtAGlance.Flag> checkFlags(String code) {
        getOverview();
        StandardsAtAGlance.Row row = byCode.get(code);
        return row == null ? List.of() : row.flags().stream().filter(f -> f.ordinal()
                > StandardsAtAGlance.Flag.SUSPENDED.ordinal()).sorted().toList();
    }

    public StandardsAtAGlance.Flag[] getFlags() {
        return StandardsAtAGlance.Flag.values();
    }

    private StandardsAtAGlance.Flag selectedFlag() {
        try {
            return flag == null || flag.isBlank() ? null : StandardsAtAGlance.Flag.valueOf(flag);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getFlag() {
        return flag;
    }

    public void setFlag(String flag) {
        this.flag = flag;
    }
}
