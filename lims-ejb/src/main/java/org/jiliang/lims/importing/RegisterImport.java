package org.jiliang.lims.importing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.platform.Messages;
import org.jiliang.lims.platform.Paged;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.registry.RegistryCaller;
import org.jiliang.lims.platform.Sha256;

/**
 * The clerk's bulk import (issue 12): upload a file and get its preview (what it would register, what is registered
 * already, every problem on its row and column), confirm a preview without problems, follow its progress, cancel
 * it. Nothing enters the register before the confirmation, and a confirmed file enters whole or not at all.
 */
@Stateless
@RolesAllowed({Roles.INTAKE_CLERK, Roles.ADMINISTRATOR})
public class RegisterImport {

    /** Problems stored per preview (the count is always exact). */
    public static final int MAX_PROBLEMS_STORED = 10_000;
    public static final int MAX_PAGE = 1000;
    public static final int MAX_FILE_NAME = 200;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @EJB
    private RegisterSnapshot snapshot;
    @EJB
    private ImportWorker worker;
    @EJB
    private ImportProgress progress;
    @Inject
    private RegistryCaller caller;
    @Inject
    private AuditTrail audit;
    @Inject
    private Clock clock;

    /** An import as the page and the API show it; {@code done} counts rows written while it runs. */
    public record ImportView(long id, String fileName, String sha256, String uploadedBy, Instant uploadedAt,
            ImportState state, int rows, int newRows, int unchanged, int problems, int done, String outcome) {
    }

    /** A problem in words, in the language asked for. */
    public record ProblemView(int row, String column, String key, String message) {
    }

    public ImportView upload(String fileName, byte[] content) {
        String name = fileName == null || fileName.isBlank() ? "import.csv"
                : fileName.replace('\\', '/').substring(fileName.replace('\\', '/').lastIndexOf('/') + 1).strip();
        if (name.length() > MAX_FILE_NAME) {
            throw new RefusedException("error.import.fileName", MAX_FILE_NAME);
        }
        List<SheetRow> rows = SheetReader.read(name, content);
        ImportPlan.Result preview = ImportPlan.check(rows, snapshot.of(ImportPlan.names(rows)));
        ImportBatch batch = new ImportBatch(name, Sha256.hex(content), content, caller.username(), clock.instant(),
                preview);
        em.persist(batch);
        int stored = 0;
        for (Problem p : preview.problems()) {
            if (stored++ >= MAX_PROBLEMS_STORED) {
                break;
            }
            em.persist(new ImportProblem(batch, p));
        }
        em.flush();
        audit.record(new AuditEvent(caller.username(), "register.importPreviewed", "ImportBatch",
                Long.toString(batch.id()), null, null, name + " sha256 " + batch.sha256() + ": " + preview.rows()
                        + " rows, " + preview.newRows().size() + " new, " + preview.unchanged() + " unchanged, "
                        + preview.problems().size() + " problems", null));
        return view(batch);
    }

    public ImportView status(long id) {
        // whether it runs is read before the row: an import that ends meanwhile has its end state committed
        // before it stops counting as running, so the row read after says how it ended (never PREVIEWED)
        int done = progress.doneRows(id);
        return view(batch(id), done);
    }

    /** The preview's problems in row order, worded in the language asked for. */
    public Paged<ProblemView> problems(long id, int first, int max, Locale locale) {
        Paged.requirePage(first, max, MAX_PAGE);
        ImportBatch batch = batch(id);
        return Paged.query(em, ImportProblem.class, "p", "p", "from ImportProblem p where p.batch = :b",
                Map.of("b", batch), "p.rowNumber, p.id", first, max, p -> {
                    Problem problem = p.problem();
                    return new ProblemView(problem.row(), problem.column(), problem.key(),
                            Messages.format(locale, problem.key(), problem.arguments().toArray()));
                });
    }

    /**
     * Starts writing a preview without problems; refused while it has problems, after it ended, or while it runs.
     * Running is this server's memory, not a column (the batch row is written only by the import's own end), so an
     * import interrupted by a restart, of which nothing was written, is a preview again and may be confirmed again.
     */
    public ImportView confirm(long id) {
        ImportBatch batch = batch(id);
        if (batch.problems() > 0) {
            throw new RefusedException("error.import.hasProblems", batch.fileName(), batch.problems());
        }
        if (batch.state() != ImportState.PREVIEWED) {
            throw new RefusedException("error.import.notPreviewed", batch.fileName(), batch.state());
        }
        if (!progress.start(id, batch.rowsNew())) {
            throw new RefusedException("error.import.running", batch.fileName());
        }
        audit.record(new AuditEvent(caller.username(), "register.importConfirmed", "ImportBatch", Long.toString(id),
                null, null, batch.fileName() + " sha256 " + batch.sha256() + ": " + batch.rowsNew() + " new rows",
                null));
        worker.run(id, caller.username());
        return view(batch);
    }

    /** Asks a running import to stop: it rolls back, nothing is registered. */
    public ImportView cancel(long id) {
        ImportBatch batch = batch(id);
        if (!progress.cancel(id)) {
            throw new RefusedException("error.import.notRunning", batch.fileName(), batch.state());
        }
        return view(batch);
    }

    /** Recent imports, newest first. */
    public Paged<ImportView> recent(int first, int max) {
        Paged.requirePage(first, max, MAX_PAGE);
        return Paged.query(em, ImportBatch.class, "b", "b", "from ImportBatch b", Map.of(), "b.id desc", first, max,
                this::view);
    }

    private ImportBatch batch(long id) {
        ImportBatch batch = em.find(ImportBatch.class, id);
        if (batch == null) {
            throw new RefusedException("error.import.notFound", id);
        }
        return batch;
    }

    private ImportView view(ImportBatch b) {
        return view(b, progress.doneRows(b.id()));
    }

    /** {@code done}: the rows written so far, read from the progress before the row was read; -1: not running. */
    private ImportView view(ImportBatch b, int done) {
        return new ImportView(b.id(), b.fileName(), b.sha256(), b.uploadedBy(), b.uploadedAt(),
                done >= 0 ? ImportState.RUNNING : b.state(),
                b.rowsTotal(), b.rowsNew(), b.rowsUnchanged(), b.problems(),
                done >= 0 ? done : b.state() == ImportState.DONE ? b.rowsNew() : 0, b.outcome());
    }

}
