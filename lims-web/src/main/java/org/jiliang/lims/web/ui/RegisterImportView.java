package org.jiliang.lims.web.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.jiliang.lims.importing.ImportState;
import org.jiliang.lims.importing.RegisterImport;
import org.jiliang.lims.importing.SheetReader;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;
import org.jiliang.lims.web.support.PagedModel;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The clerk's import page (issue 12): upload, the preview with every problem on its row and column, confirm, the
 * progress while it runs, cancel.
 */
@Named
@ViewScoped
public class RegisterImportView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RegisterImport imports;

    private Long batch;
    private RegisterImport.ImportView current;

    private final PagedModel<RegisterImport.ProblemView> problems = new PagedModel<>((sortBy, ascending, first, max) ->
            imports.problems(batch, first, max, FacesContext.getCurrentInstance().getViewRoot().getLocale()),
            row -> row.row() + ":" + row.column() + ":" + row.key(), RegisterImport.MAX_PAGE);

    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        try (InputStream in = file.getInputStream()) {
            byte[] content = in.readNBytes(SheetReader.MAX_BYTES + 1);
            current = imports.upload(file.getFileName(), content);
            batch = current.id();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        } catch (IOException e) {
            PageMessages.refused(new RefusedException("error.import.unreadable", file.getFileName(), e.getMessage()));
        }
    }

    public void confirm() {
        try {
            current = imports.confirm(batch);
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void cancel() {
        try {
            current = imports.cancel(batch);
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    /** Read again while it runs (the page polls). */
    public void refresh() {
        if (batch != null) {
            current = imports.status(batch);
        }
    }

    public boolean isRunning() {
        return current != null && current.state() == ImportState.RUNNING;
    }

    public int getPercent() {
        if (current == null || current.newRows() == 0) {
            return current != null && current.state() == ImportState.DONE ? 100 : 0;
        }
        return (int) Math.min(100, 100L * current.done() / current.newRows());
    }

    /** "50 rows: 48 new, 2 already registered, 0 problems". */
    public String getCountsText() {
        return current == null ? "" : java.text.MessageFormat.format(PageMessages.text("import.counts"),
                current.rows(), current.newRows(), current.unchanged(), current.problems());
    }

    /**
     * What became of the file, in the page's language: a finished import with its counts; a failure with its reason
     * as the service recorded it (the audit trail keeps the same words).
     */
    public String getStateText() {
        if (current == null) {
            return "";
        }
        return switch (current.state()) {
            case DONE -> java.text.MessageFormat.format(PageMessages.text("import.done"), current.newRows(),
                    current.unchanged());
            case FAILED -> PageMessages.text("import.state.FAILED") + " " + current.outcome();
            default -> PageMessages.text("import.state." + current.state());
        };
    }

    public String getConfirmText() {
        return current == null ? "" : java.text.MessageFormat.format(PageMessages.text("import.confirm"),
                current.newRows());
    }

    public RegisterImport.ImportView getCurrent() {
        return current;
    }

    public PagedModel<RegisterImport.ProblemView> getProblems() {
        return problems;
    }
}
