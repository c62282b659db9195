package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.integrity.EnforcementOutcome;
import org.jiliang.lims.integrity.IntegrityCommitment;
import org.jiliang.lims.integrity.IntegrityGrades;
import org.jiliang.lims.integrity.IntegrityRecords;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;

/**
 * Integrity records (诚信计量, issue 15) for the institute: the signed traders and their grades, the list for the
 * supervision authority, and the forms that record a commitment, its withdrawal and an enforcement outcome.
 */
@Named
@ViewScoped
public class IntegrityView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private IntegrityRecords records;

    private transient List<IntegrityRecords.Record> signed;
    private transient List<IntegrityRecords.Record> enforcementList;

    @Size(max = 32)
    private String code;
    @Size(max = IntegrityCommitment.MAX_SIGNED_BY)
    private String signedBy;
    private LocalDate signedOn;
    @Size(max = IntegrityCommitment.MAX_REASON)
    private String reason;
    private LocalDate decidedOn;
    @Size(max = EnforcementOutcome.MAX_REFERENCE)
    private String reference;
    @Size(max = EnforcementOutcome.MAX_OUTCOME)
    private String outcome;

    public List<IntegrityRecords.Record> getSigned() {
        if (signed == null) {
            signed = records.signed();
        }
        return signed;
    }

    public List<IntegrityRecords.Record> getEnforcementList() {
        if (enforcementList == null) {
            enforcementList = records.enforcementList();
        }
        return enforcementList;
    }

    public List<IntegrityGrades.Grade> getGrades() {
        return IntegrityGrades.all();
    }

    public int getWindowMonths() {
        return IntegrityGrades.WINDOW_MONTHS;
    }

    public void sign() {
        act(() -> records.sign(code, signedBy, signedOn), "integrity.signedDone");
    }

    public void withdraw() {
        act(() -> records.withdraw(code, reason), "integrity.withdrawnDone");
    }

    public void recordEnforcement() {
        act(() -> records.recordEnforcement(code, decidedOn, reference, outcome), "integrity.enforcementDone");
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            PageMessages.done(done);
            signed = null;
            enforcementList = null;
            code = null;
            signedBy = null;
            signedOn = null;
            reason = null;
            decidedOn = null;
            reference = null;
            outcome = null;
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getSignedBy() {
        return signedBy;
    }

    public void setSignedBy(String signedBy) {
        this.signedBy = signedBy;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public void setSignedOn(LocalDate signedOn) {
        this.signedOn = signedOn;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public void setDecidedOn(LocalDate decidedOn) {
        this.decidedOn = decidedOn;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }
}
