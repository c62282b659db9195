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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jiliang.lims.standard.MeasurementStandard;

/**
 * A standard's check plan: every {@code intervalDays} it is checked against {@code checkStandard} at its points,
 * {@code readingsPerCheck} readings each, judged by {@code criterion}; the control limits rest on the first
 * {@code baseChecks} checks.
 */
@Entity
@Table(name = "check_plan")
public class CheckPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "standard_id", updatable = false)
    private MeasurementStandard standard;

    @Column(name = "interval_days", nullable = false)
    private int intervalDays;

    @Column(name = "check_standard", nullable = false)
    private String checkStandard;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChartKind chart;

    @Column(name = "readings_per_check", nullable = false)
    private int readingsPerCheck;

    @Column(name = "base_checks", nullable = false)
    private int baseChecks;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CheckCriterion criterion;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("ordinal")
    private List<CheckPoint> points = new ArrayList<>();

    @Version
    private long version;

    protected CheckPlan() {
    }

    CheckPlan(MeasurementStandard standard, String createdBy, Instant createdAt) {
        this.standard = standard;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Sets what the plan says; only while no check has been recorded against it (the service sees to that). */
    void define(int intervalDays, String checkStandard, ChartKind chart, int readingsPerCheck, int baseChecks,
            CheckCriterion criterion, List<CheckPoint.Definition> definitions) {
        this.intervalDays = intervalDays;
        this.checkStandard = checkStandard;
        this.chart = chart;
        this.readingsPerCheck = readingsPerCheck;
        this.baseChecks = baseChecks;
        this.criterion = criterion;
        points.clear();
        for (CheckPoint.Definition d : definitions) {
            points.add(new CheckPoint(this, points.size() + 1, d));
        }
    }

    public Long id() {
        return id;
    }

    public MeasurementStandard standard() {
        return standard;
    }

    public int intervalDays() {
        return intervalDays;
    }

    public String checkStandard() {
        return checkStandard;
    }

    public ChartKind chart() {
        return chart;
    }

    public int readingsPerCheck() {
        return readingsPerCheck;
    }

    public int baseChecks() {
        return baseChecks;
    }

    public CheckCriterion criterion() {
        return criterion;
    }

    public List<CheckPoint> points() {
        return List.copyOf(points);
    }

    /** The plan as the audit trail keeps it. */
    String describe() {
        return "every " + intervalDays + " d against " + checkStandard + "; " + chart + ", " + readingsPerCheck
                + " reading(s) per check, base period " + baseChecks + " checks; criterion " + criterion
                + "; points " + String.join(", ", points.stream().map(CheckPoint::describe).toList());
    }
}
