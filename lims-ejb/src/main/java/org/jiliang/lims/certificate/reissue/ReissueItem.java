package org.jiliang.lims.certificate.reissue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One certificate of a run: re-issued (the revision's number) or not (why). Insert-only. */
@Entity
@Table(name = "reissue_item")
public class ReissueItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "run_id", nullable = false, updatable = false)
    private long runId;

    @Column(name = "certificate_id", nullable = false, updatable = false)
    private long certificateId;

    @Column(name = "revision_number", length = 40, updatable = false)
    private String revisionNumber;

    @Column(length = 1000, updatable = false)
    private String error;

    @Column(name = "done_at", nullable = false, updatable = false)
    private Instant doneAt;

    protected ReissueItem() {
    }

    ReissueItem(long runId, long certificateId, String revisionNumber, String error, Instant doneAt) {
        this.runId = runId;
        this.certificateId = certificateId;
        this.revisionNumber = revisionNumber;
        this.error = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        this.doneAt = doneAt;
    }

    public String revisionNumber() {
        return revisionNumber;
    }

    public String error() {
        return error;
    }
}
