package org.jiliang.lims.importing;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;

/** Runs a confirmed import in the background and records how it ended when its transaction did not commit. */
@Stateless
@PermitAll // internal: started by RegisterImport.confirm
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class.getName());

    @EJB
    private ImportWriter writer;
    @EJB
    private ImportOutcome outcome;
    @EJB
    private ImportProgress progress;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(long id, String actor) {
        try {
            writer.write(id, actor);
        } catch (ImportCancelled e) {
            outcome.ended(id, e.state(), e.getMessage(), actor);
        } catch (EJBException | jakarta.persistence.PersistenceException | org.jiliang.lims.platform.RefusedException e) {
            LOG.warning(() -> "Import " + id + " failed: " + e);
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            outcome.ended(id, ImportState.FAILED, "failed, nothing was registered: " + cause.getClass().getSimpleName()
                    + ": " + cause.getMessage(), actor);
        } finally {
            progress.end(id);
        }
    }
}
