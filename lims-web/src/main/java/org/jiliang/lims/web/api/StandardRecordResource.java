package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.standard.record.StandardChange;
import org.jiliang.lims.standard.record.StandardRecords;
import org.jiliang.lims.standard.record.StandardStaff;

/**
 * A standard's people, its change control and its history record (issue 13, JJF 1033). Staff only; a customer and an
 * anonymous caller get nothing. At the root, as {@link StandardCheckResource}.
 */
@Tag(name = LimsApi.Tags.STANDARDS)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class StandardRecordResource {

    @Inject
    private StandardRecords records;

    /** Lengths are those of standard_staff's columns. */
    public static class Person {
        @Size(max = 64)
        public String username;
        public StandardStaff.Role role;
        @Size(max = 60)
        public String qualification;
        public LocalDate qualifiedUntil;
    }

    public static class Removal {
        @Size(max = 300)
        public String reason;
    }

    /** Lengths are those of standard_change's columns. */
    public static class Change {
        public StandardChange.Kind kind;
        @Size(max = 500)
        public String description;
        @Size(max = 500)
        public String reason;
        @Size(max = 64)
        public String newResponsible;
    }

    public static class Decision {
        public boolean approve;
        @Size(max = 500)
        public String note;
    }

    @GET
    @Path("standards/{code}/people")
    public StandardRecords.People people(@PathParam("code") String code) {
        return records.peopleOf(code);
    }

    @POST
    @Path("standards/{code}/people")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assign(@PathParam("code") String code, @NotNull @Valid Person p) {
        return Response.status(Response.Status.CREATED).entity(records.assign(code, p.username, p.role,
                p.qualification, p.qualifiedUntil)).build();
    }

    @POST
    @Path("standards/{code}/people/{username}/removal")
    @Consumes(MediaType.APPLICATION_JSON)
    public StandardRecords.People remove(@PathParam("code") String code, @PathParam("username") String username,
            @NotNull @Valid Removal r) {
        return records.remove(code, username, r.reason);
    }

    @GET
    @Path("standards/{code}/changes")
    public List<StandardRecords.ChangeView> changes(@PathParam("code") String code) {
        return records.changesOf(code);
    }

    @POST
    @Path("standards/{code}/changes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response propose(@PathParam("code") String code, @NotNull @Valid Change c) {
        return Response.status(Response.Status.CREATED).entity(records.propose(code, c.kind, c.description, c.reason,
                c.newResponsible)).build();
    }

    @POST
    @Path("standard-changes/{id: [0-9]+}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public StandardRecords.ChangeView decide(@PathParam("id") long id, @NotNull @Valid Decision d) {
        return records.decide(id, d.approve, d.note);
    }

    @GET
    @Path("standards/{code}/history")
    public List<StandardRecords.HistoryLine> history(@PathParam("code") String code) {
        return records.historyOf(code);
    }
}
