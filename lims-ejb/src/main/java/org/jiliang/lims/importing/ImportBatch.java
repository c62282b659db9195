package org.jiliang.lims.importing;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An uploaded import file, kept as received, with its preview's counts and its outcome. */
@Entity
@Table(name = "import_batch")
public class ImportBatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(nullable = false, updatable = false)
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    private byte[] content;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImportState state;

    @Column(name = "rows_total", nullable = false)
    private int rowsTotal;

    @Column(name = "rows_new", nullable = false)
    private int rowsNew;

    @Column(name = "rows_unchanged", nullable = false)
    private int rowsUnchanged;

    @Column(nullable = false)
    private int problems;

    @Column(name = "finished_at")
    private Instant finishedAt;

    private String outcome;

    @Version
    private long version;

    protected ImportBatch() {
    }

    ImportBatch(String fileName, String sha256, byte[] content, String uploadedBy, Instant uploadedAt,
            ImportPlan.Result preview) {
        this.fileName = fileName;
        this.sha256 = sha256;
        this.content = content;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.state = ImportState.PREVIEWED;
        this.rowsTotal = preview.rows();
        this.rowsNew = preview.newRows().size();
        this.rowsUnchanged = preview.unchanged();
        this.problems = preview.problems().size();
    }

    void finished(ImportState end, Instant at, String what) {
        state = end;
        finishedAt = at;
        outcome = what == null || what.length() <= 500 ? what : what.substring(0, 499) + "…";
    }

    public Long id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public String sha256() {
        return sha256;
    }

    byte[] content() {
        return content;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public ImportState state() {
        return state;
    }

    public int rowsTotal() {
        return rowsTotal;
    }

    public int rowsNew() {
        return rowsNew;
    }

    public int rowsUnchanged() {
        return rowsUnchanged;
    }

    public int problems() {
        return problems;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String outcome() {
        return outcome;
    }
}
