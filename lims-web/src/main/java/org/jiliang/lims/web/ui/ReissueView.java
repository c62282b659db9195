package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jiliang.lims.certificate.CertificateService;
import org.jiliang.lims.certificate.reissue.CertificateReissues;
import org.jiliang.lims.certificate.reissue.ReissueRun;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;

/**
 * Re-issue runs ({@code reissue.xhtml}, issue 14): the approver starts one (days of issue, a procedure or all, the
 * reason, the password); the page follows every run's progress while one is running, and lists what failed and why.
 */
@Named
@ViewScoped
public class ReissueView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CertificateReissues reissues;

    @Size(max = CertificateService.MAX_REASON)
    private String reason;
    private LocalDate from;
    private LocalDate until;
    @Size(max = 32)
    private String procedure;
    @Size(max = 32)
    private String customer;
    @Size(max = 1024)
    private String password;
    private List<CertificateReissues.RunView> runs = List.of();

    public void load() {
        try {
            runs = reissues.runs();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void start() {
        char[] typed = password == null ? new char[0] : password.toCharArray();
        password = null;
        try {
            reissues.start(reason, from, until, procedure, customer, typed);
            PageMessages.done("reissue.started");
            reason = null;
            load();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    /** Starts the job of a stopped run again. */
    public void resume(long id) {
        try {
            reissues.resume(id);
            load();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    /** Polled while a run is running. */
    public boolean isRunning() {
        return runs.stream().anyMatch(r -> r.state() == ReissueRun.State.RUNNING);
    }

    public List<CertificateReissues.RunView> getRuns() {
        return runs;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }

    public String getProcedure() {
        return procedure;
    }

    public void setProcedure(String procedure) {
        this.procedure = procedure;
    }

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
