package org.jiliang.lims.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jiliang.lims.personnel.FirstRunSetup;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;

/** The first-run setup page of a production installation (public/setup.xhtml). */
@Named
@RequestScoped
public class SetupView {

    @Inject
    private FirstRunSetup setup;

    private String token;
    private String nameZh;
    private String nameEn;
    private String address;
    private String certificatePrefix;
    private String timeZone = org.jiliang.lims.platform.ClockProducer.INSTITUTE_ZONE.getId();
    private String adminUsername;
    private String adminDisplayName;
    private String adminPassword;
    private boolean done;

    public boolean isOpen() {
        return setup.open();
    }

    public void complete() {
        try {
            setup.complete(new FirstRunSetup.Setup(token, nameZh, nameEn, address, certificatePrefix, timeZone, adminUsername, adminDisplayName, adminPassword == null ? new char[0]
                            : adminPassword.toCharArray()));
            done = true;
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public boolean isDone() {
        return done;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getCertificatePrefix() {
        return certificatePrefix;
    }

    public void setCertificatePrefix(String certificatePrefix) {
        this.certificatePrefix = certificatePrefix;
    }

    /** The configured public address, shown for the record: the QR codes on certificates lead there. */
    public String getPublicUrl() {
        return org.jiliang.lims.platform.Settings.publicBaseUrl();
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getAdminUsername() {
        return adminUsername;
    }

    public void setAdminUsername(String adminUsername) {
        this.adminUsername = adminUsername;
    }

    public String getAdminDisplayName() {
        return adminDisplayName;
    }

    public void setAdminDisplayName(String adminDisplayName) {
        this.adminDisplayName = adminDisplayName;
    }

    public String getAdminPassword() {
        return adminPassword;
    }

    public void setAdminPassword(String adminPassword) {
        this.adminPassword = adminPassword;
    }
}
