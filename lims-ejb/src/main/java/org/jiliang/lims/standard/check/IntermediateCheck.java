package org.jiliang.lims.standard.check;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A check performed against a plan: who, when, its results per point, and what the evaluation found. */
@Entity
@Table(name = "intermediate_check")
public class IntermediateCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", updatable = false)
    private CheckPlan plan;

    @Column(name = "performed_on", nullable = false, updatable = false)
    private LocalDate performedOn;

    @Column(name = "performed_by", nullable = false, updatable = false)
    private String performedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CheckOutcome outcome;

    @Column(updatable = false)
    private String note;

    /** The job whose bench readings these are (a check made at the bench, method.check); null when typed. */
    @Column(name = "job_number", updatable = false)
    private String jobNumber;

    @OneToMany(mappedBy = "check", cascade = CascadeType.PERSIST)
    @OrderBy("ordinal")
    private List<CheckResult> results = new ArrayList<>();

    @Version
    private long version;

    protected IntermediateCheck() {
    }

    IntermediateCheck(CheckPlan plan, LocalDate performedOn, String performedBy, Instant recordedAt,
            CheckOutcome outcome, String note) {
        this.plan = plan;
        this.performedOn = performedOn;
        this.performedBy = performedBy;
        this.recordedAt = recordedAt;
        this.outcome = outcome;
        this.note = note;
    }

    void capturedIn(String jobNumber) {
        this.jobNumber = jobNumber;
    }

    void add(CheckResult result) {
        results.add(result);
    }

    public Long id() {
        return id;
    }

    public LocalDate performedOn() {
        return performedOn;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String performedBy() {
        return performedBy;
    }

    public CheckOutcome outcome() {
        return outcome;
    }

    public String note() {
        return note;
    }

    public String jobNumber() {
        return jobNumber;
    }

    public List<CheckResult> results() {
        return List.copyOf(results);
    }
}
