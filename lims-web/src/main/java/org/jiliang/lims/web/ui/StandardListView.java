package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    /** The codes of the rows as this page first showed them, once it has changed something; null before. */
    private List<String> shown;

    /**
     * After a change: the list is read again, its rows staying where they were for as long as the page is open. A row's
     * buttons are known to the server by the row's place, so a standard that leaves the filter (suspended while
     * "valid" is shown) stays in its place with its new status instead of moving the rows below it up: a form sent
     * again (a double click, the browser's reload or back) then still reaches the standard it was meant for, and
     * is refused as already done. Standards new to the selection come last.
     */
    public void reload() {
        shown = rows == null ? shown : rows.stream().map(StandardView::code).toList();
        rows = null;
        overview = null;
    }

    public List<StandardView> getRows() {
        if (rows == null) {
            Set<String> selected = getOverview().rows().stream().map(StandardsAtAGlance.Row::code)
                    .collect(Collectors.toSet());
            List<StandardView> all = standards.standards();
            if (shown == null) {
                rows = all.stream().filter(s -> selected.contains(s.code())).toList();
            } else {
                Map<String, StandardView> current = all.stream()
                        .collect(Collectors.toMap(StandardView::code, Function.identity()));
                List<StandardView> kept = new ArrayList<>(shown.stream().map(current::get).filter(Objects::nonNull)
                        .toList());
                all.stream().filter(s -> selected.contains(s.code()) && !shown.contains(s.code())).forEach(kept::add);
                rows = List.copyOf(kept);
            }
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
