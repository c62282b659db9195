package org.jiliang.lims.registry;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/** Stores the editions of the shipped catalogue that the database lacks, before the first request (issue 12). */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class CatalogueSeed {

    private static final Logger LOG = Logger.getLogger(CatalogueSeed.class.getName());

    @EJB
    private LegalCatalogue catalogue;
    @EJB
    private DuePlanner planner;

    @PostConstruct
    void seed() {
        int added = catalogue.seed();
        if (added > 0) {
            LOG.info(() -> added + " catalogue editions stored from " + LegalCatalogue.RESOURCE);
            catalogue.plans().keySet().forEach(planner::replan);
        }
    }
}
