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
            certificates.page(query(), sortBy, ascending, first, max), CertificateView::number,
            CertificateService.MAX_PAGE);

    public PagedModel<CertificateView> getRows() {
        return rows;
    }

    private java.time.LocalDate from;
    private java.time.LocalDate until;
    private String kind;

    private CertificateService.Query query() {
        return new CertificateService.Query(text, from, until, kind == null || kind.isBlank() ? null : kind);
    }

    /** The export of the selection shown: the API's CSV with the same search. */
    public String getExportHref() {
        return href("api/v1/certificates.csv");
    }

    /** Every certificate of the selection in one .zip with its manifest of hashes; a period must be chosen. */
    public String getArchiveHref() {
        return href("api/v1/certificates.zip");
    }

    public boolean isArchivable() {
        return from != null && until != null;
    }

    private String href(String path) {
        return QueryString.of(path).with("text", text).with("from", from == null ? null : from.toString())
                .with("until", until == null ? null : until.toString()).with("kind", kind).toString();
    }

    public java.util.List<String> getKinds() {
        return CertificateService.KINDS;
    }

    public java.time.LocalDate getFrom() {
        return from;
    }

    public void setFrom(java.time.LocalDate from) {
        this.from = from;
    }

    public java.time.LocalDate getUntil() {
        return until;
    }

    public void setUntil(java.time.LocalDate until) {
        this.until = until;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
