package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jiliang.lims.personnel.AccountView;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.registry.InstrumentView;
import org.jiliang.lims.registry.RegistryService;
import org.jiliang.lims.standard.StandardService;
import org.jiliang.lims.standard.StandardView;

@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class RegistryResource {

    @Inject
    private RegistryService registry;
    @Inject
    private StandardService standards;
    @Inject
    private CurrentUser currentUser;

    @GET
    @Path("me")
    public AccountView me() {
        return currentUser.me();
    }

    @GET
    @Path("instruments")
    public List<InstrumentView> instruments() {
        return registry.instruments();
    }

    @GET
    @Path("standards")
    public List<StandardView> standards() {
        return standards.standards();
    }
}
