package org.jiliang.lims.standard.record;

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.standard.MeasurementStandard;

/** A person on a standard: its responsible person or one of its operators, with the qualification they hold. */
@Entity
@Table(name = "standard_staff")
public class StandardStaff {

    /** What the person is for the standard. */
    public enum Role {
        /** 计量标准负责人: one at a time, changed only through change control. */
        RESPONSIBLE,
        /** 检定或校准人员 operating the standard. */
        OPERATOR
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "standard_id", updatable = false)
    private MeasurementStandard standard;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", updatable = false)
    private UserAccount account;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Role role;

    @Column(nullable = false, updatable = false, length = 60)
    private String qualification;

    @Column(name = "qualified_until", nullable = false, updatable = false)
    private LocalDate qualifiedUntil;

    @Column(name = "assigned_by", nullable = false, updatable = false)
    private String assignedBy;

    @Column(name = "assigned_at", nullable = false, updatable = false)
    private Instant assignedAt;

    @Column(name = "removed_by")
    private String removedBy;

    @Column(name = "removed_at")
    private Instant removedAt;

    @Column(name = "removal_reason", length = 300)
    private String removalReason;

    @Version
    private long version;

    protected StandardStaff() {
    }

    StandardStaff(MeasurementStandard standard, UserAccount account, Role role, String qualification,
            LocalDate qualifiedUntil, String assignedBy, Instant assignedAt) {
        this.standard = standard;
        this.account = account;
        this.role = role;
        this.qualification = qualification;
        this.qualifiedUntil = qualifiedUntil;
        this.assignedBy = assignedBy;
        this.assignedAt = assignedAt;
    }

    void remove(String by, Instant at, String reason) {
        this.removedBy = by;
        this.removedAt = at;
        this.removalReason = reason;
    }

    String describe() {
        return role + " " + account.username() + " (" + qualification + ", until " + qualifiedUntil + ")";
    }

    public UserAccount account() {
        return account;
    }

    public Role role() {
        return role;
    }

    public String qualification() {
        return qualification;
    }

    public LocalDate qualifiedUntil() {
        return qualifiedUntil;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public Instant removedAt() {
        return removedAt;
    }
}
