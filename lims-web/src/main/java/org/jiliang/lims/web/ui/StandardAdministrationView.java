package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.standard.StandardService;
import org.jiliang.lims.standard.StandardService.StandardDetails;
import org.jiliang.lims.standard.StandardView;
import org.jiliang.lims.web.support.PageMessages;

/**
 * The quality manager registers a measurement standard, records its new calibration or corrects it, and takes it
 * out of use or back, with a reason (standards.xhtml).
 */
@Named
@ViewScoped
public class StandardAdministrationView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StandardService standards;

    private String editing;
    private String code;
    private String name;
    private String accuracy;
    private String serialNumber;
    private String certificateNumber;
    private String traceableTo;
    private LocalDate calibratedOn;
    private LocalDate dueDate;
    private String reason;
    private String valueNominal;
    private String valueCertified;
    private String valueU;
    private java.math.BigDecimal valueK;
    private String valueDrift;
    private String valueTemperature;
    private String valueDriftEstimate;
    private String valueReferenceTemperature;
    private java.math.BigDecimal valueAlphaPpm;
    private String drivenThrough;

    /** Records a value the certificate of the standard being edited states at a point. */
    public void certifyValue(StandardListView list) {
        try {
            standards.certifyValue(editing, new org.jiliang.lims.standard.StandardService.CertifiedValueDetails(
                    valueNominal, valueCertified, valueU, valueK, valueDrift, valueTemperature, valueDriftEstimate,
                    valueReferenceTemperature, valueAlphaPpm));
            PageMessages.done("standards.valueCertified");
            list.reload();
            valueNominal = null;
            valueCertified = null;
            valueU = null;
            valueDrift = null;
            valueTemperature = null;
            valueDriftEstimate = null;
            valueReferenceTemperature = null;
            valueAlphaPpm = null;
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public String getValueNominal() {
        return valueNominal;
    }

    public void setValueNominal(String valueNominal) {
        this.valueNominal = valueNominal;
    }

    public String getValueCertified() {
        return valueCertified;
    }

    public void setValueCertified(String valueCertified) {
        this.valueCertified = valueCertified;
    }

    public String getValueU() {
        return valueU;
    }

    public void setValueU(String valueU) {
        this.valueU = valueU;
    }

    public java.math.BigDecimal getValueK() {
        return valueK;
    }

    public void setValueK(java.math.BigDecimal valueK) {
        this.valueK = valueK;
    }

    public String getValueDrift() {
        return valueDrift;
    }

    public void setValueDrift(String valueDrift) {
        this.valueDrift = valueDrift;
    }

    /** Names the bench device the standard being edited is driven through (blank: set by hand). */
    public void driveThrough(StandardListView list) {
        try {
            standards.driveThrough(editing, drivenThrough);
            PageMessages.done("standards.drivenThroughSaved");
            list.reload();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public String getDrivenThrough() {
        return drivenThrough;
    }

    public void setDrivenThrough(String drivenThrough) {
        this.drivenThrough = drivenThrough;
    }

    public String getValueDriftEstimate() {
        return valueDriftEstimate;
    }

    public void setValueDriftEstimate(String valueDriftEstimate) {
        this.valueDriftEstimate = valueDriftEstimate;
    }

    public String getValueReferenceTemperature() {
        return valueReferenceTemperature;
    }

    public void setValueReferenceTemperature(String valueReferenceTemperature) {
        this.valueReferenceTemperature = valueReferenceTemperature;
    }

    public java.math.BigDecimal getValueAlphaPpm() {
        return valueAlphaPpm;
    }

    public void setValueAlphaPpm(java.math.BigDecimal valueAlphaPpm) {
        this.valueAlphaPpm = valueAlphaPpm;
    }

    public String getValueTemperature() {
        return valueTemperature;
    }

    public void setValueTemperature(String valueTemperature) {
        this.valueTemperature = valueTemperature;
    }

    public void edit(StandardView s) {
        editing = s.code();
        code = s.code();
        name = s.name();
        accuracy = s.accuracy();
        serialNumber = s.serialNumber();
        certificateNumber = s.certificateNumber();
        traceableTo = s.traceableTo();
        calibratedOn = s.calibratedOn();
        dueDate = s.dueDate();
        drivenThrough = s.drivenThrough();
    }

    public void startNew() {
        editing = null;
        code = null;
        name = null;
        accuracy = null;
        serialNumber = null;
        certificateNumber = null;
        traceableTo = null;
        calibratedOn = null;
        dueDate = null;
    }

    public void save(StandardListView list) {
        try {
            StandardDetails details = new StandardDetails(code, name, accuracy, serialNumber, certificateNumber,
                    traceableTo, calibratedOn, dueDate);
            if (editing == null) {
                standards.register(details);
                PageMessages.done("standards.registered");
            } else {
                standards.update(editing, details);
                PageMessages.done("standards.saved");
            }
            list.reload();
            startNew();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void suspend(String standardCode, StandardListView list) {
        try {
            standards.suspend(standardCode, reason);
            PageMessages.done("standards.suspendedDone");
            list.reload();
            reason = null;
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void reinstate(String standardCode, StandardListView list) {
        try {
            standards.reinstate(standardCode, reason);
            PageMessages.done("standards.reinstatedDone");
            list.reload();
            reason = null;
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public boolean isEditingExisting() {
        return editing != null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAccuracy() {
        return accuracy;
    }

    public void setAccuracy(String accuracy) {
        this.accuracy = accuracy;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public void setSerialNumber(String serialNumber) {
        this.serialNumber = serialNumber;
    }

    public String getCertificateNumber() {
        return certificateNumber;
    }

    public void setCertificateNumber(String certificateNumber) {
        this.certificateNumber = certificateNumber;
    }

    public String getTraceableTo() {
        return traceableTo;
    }

    public void setTraceableTo(String traceableTo) {
        this.traceableTo = traceableTo;
    }

    public LocalDate getCalibratedOn() {
        return calibratedOn;
    }

    public void setCalibratedOn(LocalDate calibratedOn) {
        this.calibratedOn = calibratedOn;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
