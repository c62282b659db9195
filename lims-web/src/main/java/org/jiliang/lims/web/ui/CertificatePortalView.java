package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.jiliang.lims.certificate.CertificateService;
import org.jiliang.lims.certificate.CertificateView;

/** The customer's certificates (only theirs: the service filters by the caller's customer). */
@Named
@ViewScoped
public class CertificatePortalView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CertificateService certificates;

    private List<CertificateView> rows;

    public List<CertificateView> getRows() {
        if (rows == null) {
            rows = certificates.certificates();
        }
        return rows;
    }
}
