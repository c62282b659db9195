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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.integrity.EnforcementOutcome;
import org.jiliang.lims.integrity.IntegrityCommitment;
import org.jiliang.lims.integrity.IntegrityRecords;

/**
 * Integrity records (诚信计量, issue 15) for the institute: the traders who signed the commitment with their grade,
 * the list for the supervision authority, one trader's record; recording a commitment, its withdrawal and an
 * enforcement outcome. The public list is {@link PublicIntegrityResource}.
 */
@Tag(name = LimsApi.Tags.FIGURES)
@Path("integrity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IntegrityResource {

    private static final String TRADER = "traders/{code: [A-Za-z0-9-]{1,32}}";

    /** A signed commitment: who signed it for the trader, and when. */
    public static class Commitment {
        @Size(max = IntegrityCommitment.MAX_SIGNED_BY)
        public String signedBy;
        public LocalDate signedOn;
    }

    /** Why a commitment is withdrawn. */
    public static class Withdrawal {
        @Size(max = IntegrityCommitment.MAX_REASON)
        public String reason;
    }

    /** An enforcement outcome: the day of the authority's decision, its reference and what it decided. */
    public static class Outcome {
        public LocalDate decidedOn;
        @Size(max = EnforcementOutcome.MAX_REFERENCE)
        public String reference;
        @Size(max = EnforcementOutcome.MAX_OUTCOME)
        public String outcome;
    }

    @Inject
    private IntegrityRecords records;

    @GET
    @Path("traders")
    @Operation(summary = "The traders who signed the integrity commitment, with their findings and grade")
    public List<IntegrityRecords.Record> signed() {
        return records.signed();
    }

    @GET
    @Path("enforcement-list")
    @Operation(summary = "The traders, signed or not, whose findings put them on the list for the supervision authority")
    public List<IntegrityRecords.Record> enforcementList() {
        return records.enforcementList();
    }

    @GET
    @Path(TRADER)
    @Operation(summary = "One trader's integrity record")
    public IntegrityRecords.Record trader(@PathParam("code") String code) {
        return records.of(code);
    }

    @GET
    @Path(TRADER + "/enforcement")
    @Operation(summary = "The enforcement outcomes recorded about a trader, newest first")
    public List<IntegrityRecords.OutcomeView> outcomes(@PathParam("code") String code) {
        return records.outcomes(code);
    }

    @POST
    @Path(TRADER + "/commitment")
    @Operation(summary = "Records the integrity commitment a trader signed")
    public IntegrityRecords.Record sign(@PathParam("code") String code, @NotNull @Valid Commitment c) {
        return records.sign(code, c.signedBy, c.signedOn);
    }

    @POST
    @Path(TRADER + "/commitment/withdrawal")
    @Operation(summary = "Withdraws a trader's current commitment, with the reason")
    public IntegrityRecords.Record withdraw(@PathParam("code") String code, @NotNull @Valid Withdrawal w) {
        return records.withdraw(code, w.reason);
    }

    @POST
    @Path(TRADER + "/enforcement")
    @Operation(summary = "Records an enforcement outcome the supervision authority decided about a trader")
    public IntegrityRecords.Record enforcement(@PathParam("code") String code, @NotNull @Valid Outcome o) {
        return records.recordEnforcement(code, o.decidedOn, o.reference, o.outcome);
    }
}
