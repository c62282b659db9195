package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jiliang.lims.platform.MailState;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.traceability.ImpactAssessment;
import org.jiliang.lims.traceability.ImpactCases;
import org.jiliang.lims.traceability.ImpactNotices;
import org.jiliang.lims.web.support.PageMessages;

/**
 * The case of a standard (issue 13), opened as {@code standard-case.xhtml?id=}: the certificates the standard may have
 * spoiled since the day it is suspect, the quality manager's assessment of each, the signed closing and the owners'
 * notices with their e-mails' state.
 */
@Named
@ViewScoped
public class ImpactCaseView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ImpactCases cases;

    private Long id;
    private ImpactCases.CaseDetail detail;

    private LocalDate since;

    // the assessment form
    @Size(max = 40)
    private String certificate;
    /** "true" or "false"; empty until chosen. */
    @Size(max = 5)
    private String affected;
    @Size(max = 1000)
    private String reason;
    @Digits(integer = 4, fraction = 3)
    private BigDecimal effect;
    private ImpactAssessment.Basis basis;
    private ImpactAssessment.Decision decision;

    // the closing form
    @Size(max = 2000)
    private String conclusion;
    @Size(max = 1024)
    private String password;

    public void load() {
        if (id == null) {
            PageMessages.refused(new RefusedException("error.case.notFound", "—"));
            return;
        }
        try {
            show(cases.detail(id));
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    private void show(ImpactCases.CaseDetail d) {
        detail = d;
        since = d.suspectSince();
    }

    /** The quality manager states from which day the standard is suspect. */
    public void scope() {
        try {
            show(cases.scope(id, since));
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void assess() {
        try {
            Boolean isAffected = affected == null || affected.isBlank() ? null : Boolean.valueOf(affected);
            show(cases.assess(id, certificate, new ImpactCases.AssessmentDetails(isAffected, reason, effect, basis,
                    decision)));
            PageMessages.done("case.assessed");
            certificate = null;
            affected = null;
            reason = null;
            effect = null;
            basis = null;
            decision = null;
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    /** Closes the case with the password as signature, then e-mails the owners' notices. */
    public void close() {
        char[] typed = password == null ? new char[0] : password.toCharArray();
        password = null;
        try {
            cases.close(id, conclusion, typed);
        } catch (RefusedException e) {
            PageMessages.refused(e);
            return;
        } finally {
            Arrays.fill(typed, '\0');
        }
        cases.deliverPending();
        PageMessages.done("case.closedDone");
        show(cases.detail(id));
    }

    /** Tries again the notices whose e-mail failed. */
    public void deliver() {
        cases.deliverPending();
        show(cases.detail(id));
    }

    public boolean isUndelivered() {
        return detail != null && detail.notices().stream().anyMatch(n -> n.mailState() == MailState.FAILED
                || n.mailState() == MailState.PENDING);
    }

    /** The certificates of the case not assessed yet, then those assessed (to change an assessment). */
    public List<String> getCertificates() {
        return detail == null ? List.of() : detail.rows().stream()
                .sorted((a, b) -> Boolean.compare(a.assessment() != null, b.assessment() != null))
                .map(r -> r.certificate().certificate()).toList();
    }

    public ImpactAssessment.Basis[] getBases() {
        return ImpactAssessment.Basis.values();
    }

    public ImpactAssessment.Decision[] getDecisions() {
        return ImpactAssessment.Decision.values();
    }

    public ImpactCases.CaseDetail getDetail() {
        return detail;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public LocalDate getSince() {
        return since;
    }

    public void setSince(LocalDate since) {
        this.since = since;
    }

    public String getCertificate() {
        return certificate;
    }

    public void setCertificate(String certificate) {
        this.certificate = certificate;
    }

    public String getAffected() {
        return affected;
    }

    public void setAffected(String affected) {
        this.affected = affected;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public BigDecimal getEffect() {
        return effect;
    }

    public void setEffect(BigDecimal effect) {
        this.effect = effect;
    }

    public ImpactAssessment.Basis getBasis() {
        return basis;
    }

    public void setBasis(ImpactAssessment.Basis basis) {
        this.basis = basis;
    }

    public ImpactAssessment.Decision getDecision() {
        return decision;
    }

    public void setDecision(ImpactAssessment.Decision decision) {
        this.decision = decision;
    }

    public String getConclusion() {
        return conclusion;
    }

    public void setConclusion(String conclusion) {
        this.conclusion = conclusion;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** For the notices' table: the owner's notices of this case. */
    public List<ImpactNotices.NoticeView> getNotices() {
        return detail == null ? List.of() : detail.notices();
    }
}
