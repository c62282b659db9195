package org.jiliang.lims.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.List;
import java.util.logging.Logger;

/**
 * Refuses to start a server outside demo mode that is not ready for the network (see
 * {@link ProductionReadiness}): the deployment fails before the database is touched, and the log
 * names each setting to change. A setting read only later, at work, is read here first, so that a wrong
 * value stops the start rather than the first request that needs it ({@code jiliang.agent.max-clock-skew}).
 */
@Singleton
@Startup
public class StartupChecks {

    private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

    @PostConstruct
    void check() {
        Settings.agentMaxClockSkew();
        List<String> problems = ProductionReadiness.problems(Settings.demoMode(), Settings.publicBaseUrl(), System::getenv);
        if (problems.isEmpty()) {
            return;
        }
        problems.forEach(p -> LOG.severe("Not started: " + p));
        throw new IllegalStateException("Jiliang LIMS does not start outside demo mode until these settings are fixed: "
                + String.join(" | ", problems));
    }
}
