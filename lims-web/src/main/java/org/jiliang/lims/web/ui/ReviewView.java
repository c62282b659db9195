package org.jiliang.lims.web.ui;

import jakarta.validation.constraints.Size;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.jiliang.lims.audit.AuditEntryView;
import org.jiliang.lims.audit.AuditService;
import org.jiliang.lims.certificate.CertificateService;
import org.jiliang.lims.certificate.CertificateView;
import org.jiliang.lims.order.JobWorkflow;
import org.jiliang.lims.order.JobView;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;

/**
 * Review of a measured job: the checker checks or sends back, the approver approves (which
 * issues the certificate) or sends back. Shows the signatures with their validity and the
 * job's audit history.
 */
@Named
@ViewScoped
public class ReviewView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private JobWorkflow jobs;
    @Inject
    private CertificateService certificates;
    @Inject
    private AuditService audit;

    private long jobId;
    private JobView job;
    private CertificateView certificate;
    private List<AuditEntryView> history;
    @Size(max = 1024)
    private String password;
    @Size(max = JobWorkflow.MAX_REASON)
    private String reason;

    public void load() {
        job = jobs.job(jobId);
        certificate = certificates.forJob(jobId).orElse(null);
        history = audit.historyOfJob(jobId);
    }

    public void check() {
        run(() -> jobs.check(jobId, chars(), job.version()));
    }

    public void approve() {
        run(() -> certificate = certificates.approveAndIssue(jobId, chars(), job.version()));
    }

    public void sendBack() {
        run(() -> jobs.sendBack(jobId, reason, job.version()));
    }

    private void run(Runnable action) {
        try {
            action.run();
            load();
            reason = null;
        } catch (RefusedException e) {
            PageMessages.refused(e);
        } finally {
            password = null;
        }
    }

    private char[] chars() {
        return password == null ? new char[0] : password.toCharArray();
    }

    public long getJobId() {
        return jobId;
    }

    public void setJobId(long jobId) {
        this.jobId = jobId;
    }

    public JobView getJob() {
        return job;
    }

    public CertificateView getCertificate() {
        return certificate;
    }

    public List<AuditEntryView> getHistory() {
        return history;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
