package org.jiliang.lims.web.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.standard.record.StandardChange;
import org.jiliang.lims.standard.record.StandardRecords;
import org.jiliang.lims.standard.record.StandardStaff;
import org.jiliang.lims.web.support.PageMessages;

/**
 * The record part of a standard's page (issue 13, JJF 1033): its people and how many are qualified, its change control
 * and its history record (履历书), on {@code standard.xhtml?code=} beside {@link StandardChecksView}.
 */
@Named
@ViewScoped
public class StandardRecordView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StandardRecords records;
    @Inject
    private org.jiliang.lims.web.support.LocaleView locale;

    private String code;
    private StandardRecords.People people;
    private List<StandardRecords.ChangeView> changes = List.of();
    private List<StandardRecords.HistoryLine> history = List.of();

    // assigning a person
    @Size(max = 64)
    private String username;
    private StandardStaff.Role role = StandardStaff.Role.OPERATOR;
    @Size(max = 60)
    private String qualification;
    private LocalDate qualifiedUntil;
    // removing one
    @Size(max = 64)
    private String removed;
    @Size(max = 300)
    private String removalReason;
    // proposing a change
    private StandardChange.Kind kind;
    @Size(max = 500)
    private String description;
    @Size(max = 500)
    private String reason;
    @Size(max = 64)
    private String newResponsible;
    // deciding one
    private Long change;
    @Size(max = 5)
    private String approve;
    @Size(max = 500)
    private String note;

    @PostConstruct
    void init() {
        String c = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("code");
        code = c == null || c.length() > 32 ? null : c.strip();
        read();
    }

    private void read() {
        if (code == null || code.isEmpty()) {
            return;
        }
        try {
            people = records.peopleOf(code);
            changes = records.changesOf(code);
            history = records.historyOf(code);
        } catch (RefusedException e) {
            people = null; // the page's own view says why
        }
    }

    public void assign() {
        try {
            records.assign(code, username, role, qualification, qualifiedUntil);
            username = null;
            qualification = null;
            qualifiedUntil = null;
            read();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void remove() {
        try {
            records.remove(code, removed, removalReason);
            removed = null;
            removalReason = null;
            read();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void propose() {
        try {
            records.propose(code, kind, description, reason, newResponsible);
            kind = null;
            description = null;
            reason = null;
            newResponsible = null;
            read();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void decide() {
        if (change == null || approve == null || approve.isBlank()) {
            PageMessages.refused(new RefusedException("error.change.choose"));
            return;
        }
        try {
            records.decide(change, Boolean.parseBoolean(approve), note);
            change = null;
            approve = null;
            note = null;
            read();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    /** A history line's event in the user's language (the audit trail's words). */
    public String event(String action) {
        return org.jiliang.lims.web.support.AuditEvents.label(action, locale.getLocale());
    }

    /** The changes waiting for a decision. */
    public List<StandardRecords.ChangeView> getProposed() {
        return changes.stream().filter(c -> c.state() == StandardChange.State.PROPOSED).toList();
    }

    /** The operators one may remove. */
    public List<StandardRecords.StaffView> getOperators() {
        return people == null ? List.of() : people.staff().stream()
                .filter(p -> p.role() == StandardStaff.Role.OPERATOR).toList();
    }

    public StandardStaff.Role[] getRoles() {
        return StandardStaff.Role.values();
    }

    public StandardChange.Kind[] getKinds() {
        return StandardChange.Kind.values();
    }

    public StandardRecords.People getPeople() {
        return people;
    }

    public List<StandardRecords.ChangeView> getChanges() {
        return changes;
    }

    public List<StandardRecords.HistoryLine> getHistory() {
        return history;
    }

    public int getMinQualified() {
        return StandardRecords.MIN_QUALIFIED;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public StandardStaff.Role getRole() {
        return role;
    }

    public void setRole(StandardStaff.Role role) {
        this.role = role;
    }

    public String getQualification() {
        return qualification;
    }

    public void setQualification(String qualification) {
        this.qualification = qualification;
    }

    public LocalDate getQualifiedUntil() {
        return qualifiedUntil;
    }

    public void setQualifiedUntil(LocalDate qualifiedUntil) {
        this.qualifiedUntil = qualifiedUntil;
    }

    public String getRemoved() {
        return removed;
    }

    public void setRemoved(String removed) {
        this.removed = removed;
    }

    public String getRemovalReason() {
        return removalReason;
    }

    public void setRemovalReason(String removalReason) {
        this.removalReason = removalReason;
    }

    public StandardChange.Kind getKind() {
        return kind;
    }

    public void setKind(StandardChange.Kind kind) {
        this.kind = kind;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getNewResponsible() {
        return newResponsible;
    }

    public void setNewResponsible(String newResponsible) {
        this.newResponsible = newResponsible;
    }

    public Long getChange() {
        return change;
    }

    public void setChange(Long change) {
        this.change = change;
    }

    public String getApprove() {
        return approve;
    }

    public void setApprove(String approve) {
        this.approve = approve;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
