package org.jiliang.lims.certificate.reissue;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jiliang.lims.platform.RefusedException;

/** Re-issues each certificate read, each in its own transaction; one that is refused is recorded and left. */
@Dependent // a bean-defining annotation: one instance per step (and partition)
@Named("reissueWriter")
public class ReissueWriter extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(ReissueWriter.class.getName());

    @Inject
    @BatchProperty
    private String run;
    @Inject
    private ReissueWorker worker;

    @Override
    public void writeItems(List<Object> items) {
        long runId = Long.parseLong(run);
        for (Object item : items) {
            long certificate = (Long) item;
            try {
                worker.reissue(runId, certificate);
            } catch (RefusedException e) {
                worker.failed(runId, certificate, e.getMessage(java.util.Locale.SIMPLIFIED_CHINESE));
            } catch (EJBException e) {
                LOG.log(Level.WARNING, "Re-issue run " + runId + ": certificate " + certificate + " failed", e);
                worker.failed(runId, certificate, String.valueOf(e.getCausedByException() == null ? e
                        : e.getCausedByException()));
            }
        }
    }
}
