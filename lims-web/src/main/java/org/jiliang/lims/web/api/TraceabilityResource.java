package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.traceability.Traceability;

/**
 * The upward chain (issue 13): from one of our certificates, or one of our standards, through the standards used and
 * their calibrations, to the laboratory outside and what the standard is traceable to. Staff only.
 */
@Tag(name = LimsApi.Tags.STANDARDS)
@Path("traceability")
@Produces(MediaType.APPLICATION_JSON)
public class TraceabilityResource {

    @Inject
    private Traceability traceability;

    @GET
    @Path("certificates/{number}")
    public Traceability.Link certificate(@PathParam("number") String number) {
        return traceability.chainOfCertificate(number);
    }

    @GET
    @Path("standards/{code}")
    public Traceability.Link standard(@PathParam("code") String code) {
        return traceability.chainOfStandard(code);
    }
}
