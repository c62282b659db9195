package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.integrity.IntegrityRecords;

/**
 * The traders in good standing (诚信计量, issue 15), for anyone without logging in: name, district, grade and the day
 * they signed the commitment, nothing else. Rate-limited like every public path.
 */
@Tag(name = LimsApi.Tags.FIGURES)
@Path("public/integrity")
@Produces(MediaType.APPLICATION_JSON)
public class PublicIntegrityResource {

    @Inject
    private IntegrityRecords records;

    @GET
    @Operation(summary = "The traders in good standing: name, district, grade, the day they signed")
    public List<IntegrityRecords.PublicEntry> goodStanding() {
        return records.goodStanding();
    }
}
