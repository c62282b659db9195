package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jiliang.lims.certificate.CertificateService;
import org.jiliang.lims.certificate.CertificateStanding;
import org.jiliang.lims.certificate.CertificateView;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;

/**
 * One certificate, opened as {@code certificate.xhtml?number=} (issue 14): where it stands, the line of its revisions
 * with each one's PDF and hash, and for the approver a corrected revision, for the approver and the quality manager
 * its withdrawal — both with a reason and signed with the password.
 */
@Named
@ViewScoped
public class CertificateDetailView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CertificateService certificates;

    @Size(max = 40)
    private String number;
    private CertificateView certificate;
    private List<CertificateView> revisions = List.of();

    @Size(max = CertificateService.MAX_REASON)
    private String reason;
    @Size(max = 1024)
    private String password;

    public void load() {
        if (number == null || number.isBlank()) {
            PageMessages.refused(new RefusedException("error.certificate.notFound", "—"));
            return;
        }
        try {
            revisions = certificates.revisions(number);
            certificate = revisions.stream().filter(c -> c.number().equals(number)).findFirst().orElseThrow();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    /** Issues the corrected revision and opens it. */
    public void revise() {
        char[] typed = typed();
        try {
            CertificateView revision = certificates.revise(number, reason, typed);
            PageMessages.redirect("/certificate.xhtml?number=" + URLEncoder.encode(revision.number(),
                    StandardCharsets.UTF_8));
        } catch (RefusedException e) {
            PageMessages.refused(e);
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    /** Withdraws the certificate; the page is read again. */
    public void withdraw() {
        char[] typed = typed();
        try {
            certificates.withdraw(number, reason, typed);
            PageMessages.redirect("/certificate.xhtml?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8));
        } catch (RefusedException e) {
            PageMessages.refused(e);
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    private char[] typed() {
        char[] typed = password == null ? new char[0] : password.toCharArray();
        password = null;
        return typed;
    }

    /** Neither superseded nor withdrawn: it may still be corrected or withdrawn. */
    public boolean isInForce() {
        return certificate != null && (certificate.standing() == CertificateStanding.VALID
                || certificate.standing() == CertificateStanding.EXPIRED);
    }

    public CertificateView getCertificate() {
        return certificate;
    }

    public List<CertificateView> getRevisions() {
        return revisions;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
