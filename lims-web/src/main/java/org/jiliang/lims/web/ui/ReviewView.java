package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.jiliang.lims.certificate.CertificateService;
import org.jiliang.lims.certificate.CertificateView;
import org.jiliang.lims.order.JobService;
import org.jiliang.lims.order.JobView;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;

/** The approver reviews the captured results and signs; signing issues the certificate. */
@Named
@ViewScoped
public class ReviewView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private JobService jobs;
    @Inject
    private CertificateService certificates;

    private long jobId;
    private JobView job;
    private CertificateView certificate;
    private String password;

    public void load() {
        job = jobs.job(jobId);
        certificate = certificates.forJob(jobId).orElse(null);
    }

    public void approve() {
        try {
            certificate = certificates.approveAndIssue(jobId, password == null ? new char[0] : password.toCharArray());
            job = jobs.job(jobId);
        } catch (RefusedException e) {
            PageMessages.refused(e);
        } finally {
            password = null;
        }
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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
