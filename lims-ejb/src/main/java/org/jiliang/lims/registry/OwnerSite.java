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
import jakarta.persistence.Version;

/** A place where an owner uses instruments (a market, a ward, a petrol station), in a district (issue 12). */
@Entity
@Table(name = "owner_site")
public class OwnerSite {

    public static final int MAX_NAME = 200;
    public static final int MAX_ADDRESS = 300;
    public static final int MAX_DISTRICT = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer owner;

    @Column(nullable = false)
    private String name;

    private String address;

    @Column(nullable = false)
    private String district;

    @Version
    private long version;

    protected OwnerSite() {
    }

    public OwnerSite(Customer owner, String name, String address, String district) {
        this.owner = owner;
        this.name = name;
        this.address = address;
        this.district = district;
    }

    public void update(String newAddress, String newDistrict) {
        this.address = newAddress;
        this.district = newDistrict;
    }

    public String describe() {
        return "owner=" + owner.code() + "; site=" + name + "; address=" + (address == null ? "" : address)
                + "; district=" + district;
    }

    public Long id() {
        return id;
    }

    public Customer owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public String district() {
        return district;
    }
}
