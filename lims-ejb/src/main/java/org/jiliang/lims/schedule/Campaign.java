package org.jiliang.lims.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A campaign (issue 12), e.g. "free verification of market scales, 北湖区 markets, March": the instruments of a
 * category in a district (and site) due by a day, planned for a day, on site or at the lab; its jobs were opened in
 * one batch.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String name;
    @Column(nullable = false, updatable = false)
    private String category;
    @Column(updatable = false)
    private String district;
    @Column(updatable = false)
    private String site;
    @Column(name = "due_until", nullable = false, updatable = false)
    private LocalDate dueUntil;
    @Column(name = "planned_date", nullable = false, updatable = false)
    private LocalDate plannedDate;
    @Column(name = "on_site", nullable = false, updatable = false)
    private boolean onSite;
    @Column(updatable = false)
    private String location;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Campaign() {
    }

    Campaign(Campaigns.Details d, String createdBy, Instant createdAt) {
        this.name = d.name();
        this.category = d.category();
        this.district = d.district();
        this.site = d.site();
        this.dueUntil = d.dueUntil();
        this.plannedDate = d.plannedDate();
        this.onSite = d.onSite();
        this.location = d.location();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String category() {
        return category;
    }

    public String district() {
        return district;
    }

    public String site() {
        return site;
    }

    public LocalDate dueUntil() {
        return dueUntil;
    }

    public LocalDate plannedDate() {
        return plannedDate;
    }

    public boolean onSite() {
        return onSite;
    }

    public String location() {
        return location;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
