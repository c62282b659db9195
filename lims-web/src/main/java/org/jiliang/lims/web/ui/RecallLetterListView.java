package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.jiliang.lims.schedule.RecallLetters;
import org.jiliang.lims.web.support.PagedModel;

/**
 * Recall letters (issue 12), newest first: the owner's own in the portal (its notifications), every owner's for the
 * staff, with their delivery state and the printable letter.
 */
@Named
@ViewScoped
public class RecallLetterListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RecallLetters letters;

    private final PagedModel<RecallLetters.LetterView> rows = new PagedModel<>((sortBy, ascending, first, max) ->
            letters.page(first, max), row -> String.valueOf(row.id()), RecallLetters.MAX_PAGE);

    @Inject
    private org.jiliang.lims.schedule.RecallRun run;

    /** Today's recall now (the timer runs it every morning); what it did is shown as a message. */
    public void runNow() {
        try {
            var s = run.runNow();
            org.jiliang.lims.web.support.PageMessages.info(java.text.MessageFormat.format(
                    org.jiliang.lims.web.support.PageMessages.text("recall.ran"), s.day(), s.advance(), s.due(),
                    s.overdue(), s.letters(), s.mailed(), s.failed()));
        } catch (org.jiliang.lims.platform.RefusedException e) {
            org.jiliang.lims.web.support.PageMessages.refused(e);
        }
    }

    public PagedModel<RecallLetters.LetterView> getRows() {
        return rows;
    }
}
