package org.jiliang.lims.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jiliang.lims.certificate.CertificateService;
import org.jiliang.lims.certificate.PublicVerification;

/** The public certificate check reached from the QR code: /verify/&lt;token&gt;. */
@Named
@RequestScoped
public class VerifyView {

    @Inject
    private CertificateService certificates;

    private String token;
    private PublicVerification result;

    public void load() {
        result = certificates.verify(token);
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public PublicVerification getResult() {
        return result;
    }
}
