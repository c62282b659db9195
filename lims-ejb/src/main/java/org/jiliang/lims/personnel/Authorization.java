package org.jiliang.lims.personnel;

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
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A person's authorization (e.g. 检定员证) for one activity under one procedure, valid between two dates. */
@Entity
@Table(name = "authorization_grant")
public class Authorization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private UserAccount account;

    @Column(name = "procedure_code", nullable = false)
    private String procedureCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Activity activity;

    @Column(name = "certificate_number", nullable = false)
    private String certificateNumber;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    @Column(name = "withdrawn_from")
    private LocalDate withdrawnFrom;

    @Column(name = "withdrawal_reason")
    private String withdrawalReason;

    protected Authorization() {
    }

    public Authorization(UserAccount account, String procedureCode, Activity activity, String certificateNumber,
            LocalDate validFrom, LocalDate validUntil) {
        if (validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("Authorization ends before it starts");
        }
        this.account = account;
        this.procedureCode = procedureCode;
        this.activity = activity;
        this.certificateNumber = certificateNumber;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
    }

    /**
     * Withdraws the authorization from {@code day} on, with the reason; it stays on record, valid only on the days
     * before.
     */
    public void withdrawFrom(LocalDate day, String reason) {
        if (withdrawnFrom != null) {
            throw new IllegalStateException("Authorization " + id + " is already withdrawn");
        }
        this.withdrawnFrom = day;
        this.withdrawalReason = reason;
    }

    public LocalDate withdrawnFrom() {
        return withdrawnFrom;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public String describe() {
        return activity + " " + procedureCode + " " + certificateNumber + " " + validFrom + "…" + validUntil
                + (withdrawnFrom == null ? "" : " withdrawn from " + withdrawnFrom + ": " + withdrawalReason);
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil)
                && (withdrawnFrom == null || day.isBefore(withdrawnFrom));
    }

    public UserAccount account() {
        return account;
    }

    public Long id() {
        return id;
    }

    public String procedureCode() {
        return procedureCode;
    }

    public Activity activity() {
        return activity;
    }

    public String certificateNumber() {
        return certificateNumber;
    }

    public LocalDate validUntil() {
        return validUntil;
    }
}
