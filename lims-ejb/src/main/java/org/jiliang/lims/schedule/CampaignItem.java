package org.jiliang.lims.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.registry.InstrumentUnderTest;

/** An instrument of a campaign, its job (none when no method of this system takes it), and "not found" on site. */
@Entity
@Table(name = "campaign_item")
public class CampaignItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "campaign_id", updatable = false)
    private Campaign campaign;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instrument_id", updatable = false)
    private InstrumentUnderTest instrument;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "job_id", updatable = false)
    private VerificationJob job;

    @Column(name = "not_found_reason")
    private String notFoundReason;

    @Version
    private long version;

    protected CampaignItem() {
    }

    CampaignItem(Campaign campaign, InstrumentUnderTest instrument, VerificationJob job) {
        this.campaign = campaign;
        this.instrument = instrument;
        this.job = job;
    }

    void notFound(String reason) {
        this.notFoundReason = reason;
    }

    public String notFoundReason() {
        return notFoundReason;
    }

    public VerificationJob job() {
        return job;
    }
}
