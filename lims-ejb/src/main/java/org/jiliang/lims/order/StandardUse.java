package org.jiliang.lims.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.standard.MeasurementStandard;

/** A measurement standard used in a job, selected by whom and when (answers "which jobs used standard X"). */
@Entity
@Table(name = "job_standard")
public class StandardUse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "job_id")
    private VerificationJob job;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "standard_id")
    private MeasurementStandard standard;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "selected_by")
    private UserAccount selectedBy;

    @Column(name = "selected_at", nullable = false)
    private Instant selectedAt;

    protected StandardUse() {
    }

    StandardUse(VerificationJob job, MeasurementStandard standard, UserAccount selectedBy, Instant selectedAt) {
        this.job = job;
        this.standard = standard;
        this.selectedBy = selectedBy;
        this.selectedAt = selectedAt;
    }

    public MeasurementStandard standard() {
        return standard;
    }

    public Instant selectedAt() {
        return selectedAt;
    }
}
