package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.bench.LiveReadingService;
import org.jiliang.lims.bench.LiveStreamsView;

/** How many live reading streams are open, per user, and how many ended because their client went (administrators). */
@Tag(name = LimsApi.Tags.BENCHES)
@Path("live-streams")
public class LiveStreamsResource {

    @Inject
    private LiveReadingService live;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public LiveStreamsView streams() {
        return live.streams();
    }
}
