package org.jiliang.lims.traceability;

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
import java.math.BigDecimal;
import java.time.Instant;
import org.jiliang.lims.certificate.Certificate;
import org.jiliang.lims.standard.check.StandardCase;

/**
 * The quality manager's assessment of one certificate a suspect standard may have spoiled: affected or not, why,
 * how large the effect is against the certificate's MPE (a verification) or U (a calibration), and what becomes of
 * the certificate. Changed freely while the case is open; frozen by the closing signature.
 */
@Entity
@Table(name = "impact_assessment")
public class ImpactAssessment {

    /** What becomes of the certificate. */
    public enum Decision {
        /** It stands: not affected, or affected too little to change its result or conformity. */
        KEEP,
        /** A corrected revision is to be issued in its place. */
        REISSUE,
        /** It is to be withdrawn: its result cannot stand and cannot be corrected. */
        WITHDRAW
    }

    /** What the effect is measured against. */
    public enum Basis {
        /** The maximum permissible error the verification judged against. */
        MPE,
        /** The expanded uncertainty the calibration stated. */
        U
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", updatable = false)
    private StandardCase standardCase;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "certificate_id", updatable = false)
    private Certificate certificate;

    @Column(name = "trace_level", nullable = false, updatable = false)
    private int level;

    @Column(name = "via_standard", nullable = false, updatable = false)
    private String via;

    @Column(nullable = false)
    private boolean affected;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "effect_ratio", precision = 10, scale = 3)
    private BigDecimal effect;

    @Enumerated(EnumType.STRING)
    @Column(name = "effect_basis")
    private Basis basis;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Decision decision;

    @Column(name = "assessed_by", nullable = false)
    private String assessedBy;

    @Column(name = "assessed_at", nullable = false)
    private Instant assessedAt;

    @Version
    private long version;

    protected ImpactAssessment() {
    }

    ImpactAssessment(StandardCase standardCase, Certificate certificate, int level, String via) {
        this.standardCase = standardCase;
        this.certificate = certificate;
        this.level = level;
        this.via = via;
    }

    void assess(boolean affected, String reason, BigDecimal effect, Basis basis, Decision decision, String by,
            Instant at) {
        this.affected = affected;
        this.reason = reason;
        this.effect = effect;
        this.basis = basis;
        this.decision = decision;
        this.assessedBy = by;
        this.assessedAt = at;
    }

    /** One line for the audit trail and the closing hash. */
    String describe() {
        return certificate.number() + ": " + (affected ? "affected" : "not affected")
                + (effect == null ? "" : ", effect " + effect.toPlainString() + " × " + basis) + ", " + decision
                + " (" + reason + ")";
    }

    public Certificate certificate() {
        return certificate;
    }

    public int level() {
        return level;
    }

    public String via() {
        return via;
    }

    public boolean affected() {
        return affected;
    }

    public String reason() {
        return reason;
    }

    public BigDecimal effect() {
        return effect;
    }

    public Basis basis() {
        return basis;
    }

    public Decision decision() {
        return decision;
    }

    public String assessedBy() {
        return assessedBy;
    }

    public Instant assessedAt() {
        return assessedAt;
    }
}
