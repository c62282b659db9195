package org.jiliang.lims.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Settings;

/**
 * Anchors the head of the audit chain every {@code jiliang.audit.anchor-interval} (10 minutes by
 * default) when it has grown; together with the anchor every N entries this bounds how much of
 * the newest trail is covered by the unkeyed chain alone. A non-persistent timer: after a restart
 * it simply starts again.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
public class AuditAnchorSchedule {

    private static final Logger LOG = Logger.getLogger(AuditAnchorSchedule.class.getName());

    @Resource
    private TimerService timers;

    @Inject
    private AuditAnchoring anchoring;

    @PostConstruct
    void schedule() {
        Duration every = Settings.auditAnchorInterval();
        timers.createIntervalTimer(every.toMillis(), every.toMillis(), new TimerConfig("audit anchor", false));
        LOG.info(() -> "Audit anchors every " + every + " and every " + Settings.auditAnchorEvery() + " entries");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void anchor() {
        try {
            anchoring.anchorHead();
        } catch (RefusedException e) {
            LOG.warning(() -> "No audit anchor now: " + e.getMessage());
        }
    }
}
