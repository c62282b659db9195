package org.jiliang.lims.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * One verification in an instrument's history (issue 12): written by the due planner with every change of the
 * plan, never changed; the figures count cycles from it (see V025).
 */
@Entity
@Table(name = "instrument_verification")
public class VerificationRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instrument_id", updatable = false)
    private InstrumentUnderTest instrument;

    @Column(name = "verified_on", nullable = false, updatable = false)
    private LocalDate verifiedOn;

    @Column(nullable = false, updatable = false)
    private boolean passed;

    @Column(nullable = false, updatable = false)
    private String certificate;

    @Column(name = "closed_due", updatable = false)
    private LocalDate closedDue;

    @Column(name = "opened_due", updatable = false)
    private LocalDate openedDue;

    @Column(updatable = false)
    private String category;

    @Column(updatable = false)
    private String district;

    @Column(nullable = false, updatable = false)
    private boolean mandatory;

    protected VerificationRecord() {
    }

    VerificationRecord(InstrumentUnderTest instrument, LocalDate verifiedOn, boolean passed, String certificate,
            LocalDate closedDue, LocalDate openedDue, boolean mandatory) {
        this.instrument = instrument;
        this.verifiedOn = verifiedOn;
        this.passed = passed;
        this.certificate = certificate;
        this.closedDue = closedDue;
        this.openedDue = openedDue;
        this.category = instrument.legalCategory();
        this.district = instrument.district();
        this.mandatory = mandatory;
    }

    public LocalDate verifiedOn() {
        return verifiedOn;
    }

    public boolean passed() {
        return passed;
    }

    public String certificate() {
        return certificate;
    }

    public LocalDate closedDue() {
        return closedDue;
    }

    public LocalDate openedDue() {
        return openedDue;
    }
}
