package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.platform.Paged;
import org.jiliang.lims.schedule.RecallLetters;
import org.jiliang.lims.schedule.RecallRun;
import org.jiliang.lims.schedule.RecallTimer;

/**
 * Recall notices (issue 12): today's run on demand (the timer runs it every morning), the timer's next run, and the
 * letters (an owner's user reads their own owner's only; reading one marks it read).
 */
@Tag(name = LimsApi.Tags.PLANNING)
@Path("recall")
@Produces(MediaType.APPLICATION_JSON)
public class RecallResource {

    @Inject
    private RecallRun run;
    @Inject
    private RecallTimer timer;
    @Inject
    private RecallLetters letters;

    @POST
    @Path("run")
    public RecallRun.Summary runNow() {
        return run.runNow();
    }

    @GET
    @Path("timer")
    public RecallTimer.Schedule timer() {
        return timer.status();
    }

    @GET
    @Path("letters")
    public Paged<RecallLetters.LetterView> letters(@QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("50") int max) {
        Paged.requirePage(first, max, RecallLetters.MAX_PAGE);
        return letters.page(first, max);
    }

    @GET
    @Path("letters/{id: [0-9]+}")
    public RecallLetters.LetterView letter(@PathParam("id") long id) {
        return letters.letter(id);
    }

    /** The printable letter (PDF). */
    @GET
    @Path("letters/{id: [0-9]+}/pdf")
    @Produces("application/pdf")
    public jakarta.ws.rs.core.Response pdf(@PathParam("id") long id) {
        return jakarta.ws.rs.core.Response.ok(letters.pdf(id))
                .header("Content-Disposition", "inline; filename=\"recall-letter-" + id + ".pdf\"").build();
    }
}
