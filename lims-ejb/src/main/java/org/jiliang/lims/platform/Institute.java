package org.jiliang.lims.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The institute running this LIMS: its names and address as printed on certificates. */
@Entity
@Table(name = "institute")
public class Institute {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name_zh", nullable = false)
    private String nameZh;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(nullable = false)
    private String address;

    @Column(name = "certificate_prefix", nullable = false)
    private String certificatePrefix;

    /** Stated on a Digital Calibration Certificate. */
    private String email;

    private String city;

    @Column(name = "time_zone", nullable = false)
    private String timeZone = "Asia/Shanghai";

    @Column(name = "set_up_at")
    private java.time.Instant setUpAt;

    @Column(name = "set_up_by")
    private String setUpBy;

    protected Institute() {
    }

    public Institute(String nameZh, String nameEn, String address, String certificatePrefix) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.address = address;
        this.certificatePrefix = certificatePrefix;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public String address() {
        return address;
    }

    public String certificatePrefix() {
        return certificatePrefix;
    }

    /** Sets the contact details a DCC states. */
    public void contact(String email, String city) {
        this.email = email;
        this.city = city;
    }

    /** Recorded by the first-run setup of a production installation. */
    public void setUp(java.time.ZoneId zone, java.time.Instant at, String by) {
        this.timeZone = zone.getId();
        this.setUpAt = at;
        this.setUpBy = by;
    }

    public java.time.ZoneId timeZone() {
        return java.time.ZoneId.of(timeZone);
    }

    public String describe() {
        return "name=" + nameZh + " / " + nameEn + "; address=" + address + "; prefix=" + certificatePrefix
                + "; timeZone=" + timeZone
                + "; email=" + (email == null ? "" : email);
    }

    public java.util.Optional<String> email() {
        return java.util.Optional.ofNullable(email);
    }

    public java.util.Optional<String> city() {
        return java.util.Optional.ofNullable(city);
    }
}
