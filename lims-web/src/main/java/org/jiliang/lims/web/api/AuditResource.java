package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jiliang.lims.audit.AuditEntryView;
import org.jiliang.lims.audit.AuditService;
import org.jiliang.lims.audit.ChainVerification;

/** The audit trail for quality managers: the latest entries, and the check of the whole hash chain. */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    private AuditService audit;

    @GET
    @Path("verification")
    public ChainVerification verify() {
        return audit.verifyChain();
    }

    @GET
    public List<AuditEntryView> latest(@QueryParam("count") @DefaultValue("100") int count) {
        return audit.latest(Math.min(Math.max(count, 1), 1000));
    }
}
