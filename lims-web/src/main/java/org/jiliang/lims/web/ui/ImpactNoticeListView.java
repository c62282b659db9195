package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.jiliang.lims.traceability.ImpactNotices;
import org.jiliang.lims.web.support.PagedModel;

/**
 * Impact notices (issue 13), newest first: the owner's own in the portal, every owner's for the staff; each with the
 * words as sent and its e-mail's state.
 */
@Named
@ViewScoped
public class ImpactNoticeListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ImpactNotices notices;

    private final PagedModel<ImpactNotices.NoticeView> rows = new PagedModel<>((sortBy, ascending, first, max) ->
            notices.page(first, max), row -> String.valueOf(row.id()), ImpactNotices.MAX_PAGE);

    public PagedModel<ImpactNotices.NoticeView> getRows() {
        return rows;
    }
}
