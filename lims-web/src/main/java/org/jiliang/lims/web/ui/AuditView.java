package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jiliang.lims.audit.AuditEntryView;
import org.jiliang.lims.audit.AuditQuery;
import org.jiliang.lims.audit.AuditService;
import org.jiliang.lims.audit.ChainVerification;
import org.jiliang.lims.platform.ClockProducer;
import org.jiliang.lims.web.support.AuditEvents;
import org.jiliang.lims.web.support.LocaleView;
import org.jiliang.lims.web.support.PageMessages;
import org.jiliang.lims.web.support.PagedModel;
import org.jiliang.lims.web.support.QueryString;

/**
 * The quality manager's audit trail (issue 11): a page of entries at a time however long the trail grows, newest
 * first or oldest first, filtered by record (type, id or job number), person, event and dates, each event in words;
 * the same selection exported as CSV; and the verification of the whole trail.
 */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AuditService audit;

    @Inject
    private LocaleView locale;

    @Size(max = AuditQuery.MAX_TEXT)
    private String record;
    @Size(max = AuditQuery.MAX_TEXT)
    private String actor;
    @Size(max = AuditQuery.MAX_TEXT)
    private String action;
    private LocalDate from;
    private LocalDate to;
    private List<String> actions;
    private ChainVerification verification;

    /** Newest first, unless the sequence column is sorted ascending. */
    private final PagedModel<AuditEntryView> entries = new PagedModel<>((sortBy, ascending, first, max) ->
            audit.search(query(!(sortBy != null && ascending)), first, max),
            entry -> String.valueOf(entry.sequence()), AuditService.PAGE);

    private AuditQuery query(boolean newestFirst) {
        return new AuditQuery(record, actor, action, from, to, newestFirst);
    }

    public PagedModel<AuditEntryView> getEntries() {
        return entries;
    }

    /** The events recorded so far, for the choice of event, each with its words. */
    public List<String> getActions() {
        if (actions == null) {
            actions = new ArrayList<>(audit.actions());
        }
        return actions;
    }

    /** The action in the user's language. */
    public String event(String action) {
        return AuditEvents.label(action, locale.getLocale());
    }

    /**
     * A value as recorded, a job's state in words ("IN_PROGRESS" as 进行中): the entry itself keeps what was
     * recorded, the page reads it.
     */
    public String value(String recorded) {
        return recorded != null && STATES.contains(recorded) ? PageMessages.text("state." + recorded) : recorded;
    }

    private static final java.util.Set<String> STATES = java.util.Arrays.stream(
            org.jiliang.lims.order.JobState.values()).map(Enum::name).collect(java.util.stream.Collectors.toSet());

    /** The export of the selection shown: the API's CSV with the same filters. */
    public String getExportHref() {
        return QueryString.of("api/v1/audit/entries.csv").with("record", record).with("actor", actor)
                .with("action", action).with("from", from).with("to", to).toString();
    }

    public void verify() {
        verification = audit.verifyChain();
    }

    public ChainVerification getVerification() {
        return verification;
    }

    /** What is wrong, in the user's language. */
    public String getProblem() {
        return verification == null ? null : verification.problem(locale.getLocale());
    }

    /** When the newest anchor that verified was made, in the institute's time. */
    public String getLastAnchorAt() {
        return verification == null || verification.lastAnchorAt() == null ? "—"
                : LocalDateTime.ofInstant(verification.lastAnchorAt(), ClockProducer.INSTITUTE_ZONE)
                        .truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
    }

    public String getRecord() {
        return record;
    }

    public void setRecord(String record) {
        this.record = record;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
