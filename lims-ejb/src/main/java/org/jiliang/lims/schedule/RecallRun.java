package org.jiliang.lims.schedule;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Logger;
import org.jiliang.lims.platform.Roles;

/**
 * The daily recall run (issue 12): gives the day's notices, then sends the letters' e-mails, and records what it did
 * in the audit trail. Run by {@link RecallTimer} every morning and, on demand, by the clerk or the administrator; a
 * second run of the same day gives nothing twice (see {@link RecallPlanning}).
 */
@Stateless
public class RecallRun {

    private static final Logger LOG = Logger.getLogger(RecallRun.class.getName());

    /** What a run did. */
    public record Summary(LocalDate day, int advance, int due, int overdue, int letters, int mailed, int failed,
            int waiting, int uncertain) {
    }

    @Inject
    private Clock clock;
    @Inject
    private org.jiliang.lims.registry.LegalCatalogue catalogue;
    @EJB
    private RecallPlanning planning;
    @EJB
    private RecallDelivery delivery;
    @Inject
    private org.jiliang.lims.registry.RegistryCaller caller;

    @RolesAllowed({Roles.ADMINISTRATOR, Roles.INTAKE_CLERK})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Summary runNow() {
        return run(caller.username());
    }

    /** The timer's run. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Summary runScheduled() {
        return run("system (recall timer)");
    }

    private Summary run(String actor) {
        LocalDate day = LocalDate.now(clock);
        Map<RecallKind, Integer> given = new EnumMap<>(RecallKind.class);
        int letters = 0;
        for (RecallKind kind : RecallKind.values()) {
            int notices = 0;
            // each category its own recall window; batches of their own transactions until none is left
            for (org.jiliang.lims.registry.CategoryView category : catalogue.inForce(day)) {
                while (true) {
                    RecallPlanning.Given g = planning.giveBatch(kind, day, category);
                    notices += g.notices();
                    letters += g.letters();
                    if (g.notices() < RecallPlanning.BATCH) {
                        break;
                    }
                }
            }
            given.put(kind, notices);
        }
        RecallDelivery.Delivered d = delivery.deliverPending();
        Summary summary = new Summary(day, given.get(RecallKind.ADVANCE), given.get(RecallKind.DUE),
                given.get(RecallKind.OVERDUE), letters, d.mailed(), d.failed(), d.waiting(), d.uncertain());
        planning.recordRun(actor, day,
                "day " + day + ": notices advance " + summary.advance() + ", due " + summary.due() + ", overdue "
                        + summary.overdue() + " in " + letters + " new letters; e-mails sent " + d.mailed()
                        + ", failed " + d.failed() + (d.waiting() == 0 ? "" : ", waiting for the mail server " + d.waiting())
                        + ", delivery uncertain " + d.uncertain());
        LOG.info(() -> "Recall run " + summary);
        return summary;
    }
}
