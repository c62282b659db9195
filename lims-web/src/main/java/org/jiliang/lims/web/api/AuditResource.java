package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.audit.AnchorRecord;
import org.jiliang.lims.audit.AuditEntryView;
import org.jiliang.lims.audit.AuditQuery;
import org.jiliang.lims.audit.AuditService;
import org.jiliang.lims.audit.ChainVerification;
import org.jiliang.lims.platform.InstituteTime;
import org.jiliang.lims.web.support.AuditEvents;

/**
 * The audit trail for quality managers: the latest entries, the verification of the whole trail
 * (hash chain, head, keyed anchors), and anchoring the head on demand. docs/audit-trail.md.
 */
@Tag(name = LimsApi.Tags.AUDIT_TRAIL)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /**
     * The verification as the API answers it: the first four fields as before, the problem in the
     * caller's language with its stable key, then what was compared besides the chain itself.
     */
    public record VerificationAnswer(boolean intact, long entriesChecked, Long firstBrokenSequence, String problem,
            String problemKey, long headSequence, Boolean headMatches, long anchorsChecked, String lastAnchorAt) {
    }

    /** An anchor as the API shows it (never the key, only its id). */
    public record AnchorAnswer(long id, long sequence, String entryHash, String anchoredAt, String keyId) {
    }

    @Inject
    private AuditService audit;

    @Context
    private HttpHeaders headers;

    @GET
    @Path("verification")
    public VerificationAnswer verify() {
        ChainVerification v = audit.verifyChain();
        return new VerificationAnswer(v.intact(), v.entriesChecked(), v.firstBrokenSequence(),
                v.problem(Problems.locale(headers)), v.problemKey(), v.headSequence(), v.headMatches(),
                v.anchorsChecked(), v.lastAnchorAt() == null ? null : v.lastAnchorAt().toString());
    }

    /** Anchors the head now (before an inspection or an export); answers the newest anchor, 204 for an empty trail. */
    @POST
    @Path("anchors")
    @Consumes(MediaType.WILDCARD)
    public Response anchor() {
        return audit.anchorNow().map(AuditResource::answer).map(a -> Response.ok(a).build())
                .orElse(Response.noContent().build());
    }

    @GET
    public List<AuditEntryView> latest(@QueryParam("count") @DefaultValue("100") int count) {
        return audit.latest(Math.min(Math.max(count, 1), 1000));
    }

    /**
     * The entries a query selects, oldest first, as CSV: about a record (type, id or job number), by a person, of an
     * event (an action, or a group ending in a dot such as {@code job.}), from and to a date (yyyy-MM-dd, the
     * institute's calendar, both included). Streamed a page of {@link AuditService#PAGE} at a time.
     */
    @GET
    @Path("entries.csv")
    @Produces(FrameCsv.MEDIA_TYPE)
    public Response entriesCsv(@QueryParam("record") String record, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to) {
        AuditQuery query = new AuditQuery(record, actor, action, date("from", from), date("to", to), false);
        java.util.Locale locale = Problems.locale(headers);
        return CsvExport.of("audit-trail.csv", "sequence,recorded_at,actor,event,action,record_type,record_id,"
                + "old_value,new_value,reason", AuditService.PAGE,
                (first, max) -> audit.search(query, first, max).rows(),
                e -> List.of(String.valueOf(e.sequence()), InstituteTime.shown(e.recordedAt()), FrameCsv.text(e.actor()),
                        FrameCsv.text(AuditEvents.label(e.action(), locale)), FrameCsv.text(e.action()),
                        FrameCsv.text(e.recordType()), FrameCsv.text(e.recordId()), FrameCsv.text(e.oldValue()),
                        FrameCsv.text(e.newValue()), FrameCsv.text(e.reason())));
    }

    private static java.time.LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.DateTimeException e) {
            throw new InvalidInputException(400, "error.audit.date", name, FrameQueryParams.abbreviated(value));
        }
    }

    private static AnchorAnswer answer(AnchorRecord a) {
        return new AnchorAnswer(a.id(), a.sequence(), a.entryHash(), a.anchoredAt().toString(), a.keyId());
    }
}
