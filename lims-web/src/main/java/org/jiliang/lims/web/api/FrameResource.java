package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.bench.FrameArchive;
import org.jiliang.lims.bench.FrameView;

/**
 * One stored frame by its id, e.g. the one a test point reading was captured from (staff only, audited). The
 * frames of a device, paged and exported: {@link DeviceResource}.
 */
@Tag(name = LimsApi.Tags.DEVICES)
@Path("frames")
@Produces(MediaType.APPLICATION_JSON)
public class FrameResource {

    @Inject
    private FrameArchive archive;

    @GET
    @Path("{id}")
    public FrameView frame(@PathParam("id") String id) {
        return archive.frame(FrameQueryParams.positive("id", id));
    }
}
