package org.jiliang.lims.certificate.reissue;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * At start, a run still running was cut short (the server stopped or died): its job is started again, and it does
 * what is still to do — every certificate done is an item, so nothing is re-issued twice.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class ReissueRecovery {

    private static final Logger LOG = Logger.getLogger(ReissueRecovery.class.getName());

    @Inject
    private ReissueWorker worker;

    @PostConstruct
    void resume() {
        for (ReissueRun run : worker.unfinished()) {
            long id = run.id();
            LOG.info(() -> "Re-issue run " + id + " was cut short: it goes on with what is still to do");
            CertificateReissues.startJob(id);
        }
    }
}
