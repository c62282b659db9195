package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.jiliang.lims.certificate.CertificateService;
import org.jiliang.lims.certificate.CertificateView;
import org.jiliang.lims.web.support.PagedModel;
import org.jiliang.lims.web.support.QueryString;

/**
 * The customer's certificates (only theirs: the service filters by the caller's customer), a page at a time, newest
 * first unless a column is sorted, searched by number, job number, instrument or serial number, and exported.
 */
@Named
@ViewScoped
public class CertificatePortalView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CertificateService certificates;

    @Size(max = CertificateService.MAX_TEXT)
    private String text;
    private final PagedModel<CertificateView> rows = new PagedModel<>((sortBy, ascending, first, max) ->
            certificates.page(text, sortBy, ascending, first, max), CertificateView::number,
            CertificateService.MAX_PAGE);

    public PagedModel<CertificateView> getRows() {
        return rows;
    }

    /** The export of the selection shown: the API's CSV with the same search. */
    public String getExportHref() {
        return QueryString.of("api/certificates.csv").with("text", text).toString();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
