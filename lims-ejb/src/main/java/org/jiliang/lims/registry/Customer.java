package org.jiliang.lims.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A 委托单位 / 使用单位: the organisation that owns instruments and receives certificates. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String address;

    @Column(name = "contact_email")
    private String contactEmail;

    /** The free-verification programme the customer belongs to (e.g. township clinics), or null. */
    @Column(name = "free_programme")
    private String freeProgramme;

    /** The district the owner is registered in (its sites may lie in others); null until recorded. */
    private String district;

    @Version
    private long version;

    protected Customer() {
    }

    public Customer(String code, String name, String address, String contactEmail) {
        this.code = code;
        this.name = name;
        this.address = address;
        this.contactEmail = contactEmail;
    }

    /** The customer's name, address or e-mail address changed (the code stays: it names the customer). */
    public void update(String newName, String newAddress, String newContactEmail) {
        this.name = newName;
        this.address = newAddress;
        this.contactEmail = newContactEmail;
    }

    /** Joins (a name) or leaves (null) a free-verification programme; jobs received afterwards follow it. */
    public void belongTo(String programme) {
        this.freeProgramme = programme;
    }

    /** The district changed (null: not recorded). */
    public void locateIn(String newDistrict) {
        this.district = newDistrict;
    }

    public String district() {
        return district;
    }

    /** The record as the audit trail keeps it, before and after a change. */
    public String describe() {
        return "code=" + code + "; name=" + name + "; address=" + address + "; email="
                + (contactEmail == null ? "" : contactEmail)
                + (freeProgramme == null ? "" : "; free programme=" + freeProgramme)
                + (district == null ? "" : "; district=" + district);
    }

    public java.util.Optional<String> freeProgramme() {
        return java.util.Optional.ofNullable(freeProgramme);
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public String contactEmail() {
        return contactEmail;
    }
}
