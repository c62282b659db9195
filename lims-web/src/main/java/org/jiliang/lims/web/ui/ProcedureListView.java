package org.jiliang.lims.web.ui;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import org.jiliang.lims.platform.PlausibleConditions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.procedure.ProcedureService;
import org.jiliang.lims.procedure.ProcedureView;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;

/** Procedure editions as data: the list, and a new edition for quality managers and administrators. */
@Named
@ViewScoped
public class ProcedureListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ProcedureService procedures;

    private List<ProcedureView> rows;
    @Size(max = ProcedureService.MAX_CODE)
    private String code;
    @Size(max = ProcedureService.MAX_TITLE)
    private String title;
    private String kind = "VERIFICATION";
    private LocalDate effectiveFrom;
    private String testPlan;
    @Size(max = ProcedureService.MAX_STANDARD_CLASSES)
    private String allowedStandardClasses;
    @DecimalMin(PlausibleConditions.MIN_TEMPERATURE)
    @DecimalMax(PlausibleConditions.MAX_TEMPERATURE)
    @Digits(integer = PlausibleConditions.INTEGER_DIGITS, fraction = PlausibleConditions.DECIMALS)
    private BigDecimal temperatureMin;
    @DecimalMin(PlausibleConditions.MIN_TEMPERATURE)
    @DecimalMax(PlausibleConditions.MAX_TEMPERATURE)
    @Digits(integer = PlausibleConditions.INTEGER_DIGITS, fraction = PlausibleConditions.DECIMALS)
    private BigDecimal temperatureMax;
    @DecimalMin(PlausibleConditions.MIN_HUMIDITY)
    @DecimalMax(PlausibleConditions.MAX_HUMIDITY)
    @Digits(integer = PlausibleConditions.INTEGER_DIGITS, fraction = PlausibleConditions.DECIMALS)
    private BigDecimal humidityMax;
    @Size(max = ProcedureService.MAX_LIMITS_SOURCE)
    private String limitsSource;

    public List<ProcedureView> getRows() {
        if (rows == null) {
            rows = procedures.editions();
        }
        return rows;
    }

    public List<String> getTestPlans() {
        return procedures.testPlans();
    }

    public void add() {
        try {
            ProcedureView added = procedures.addEdition(new ProcedureService.NewEdition(code, title, kind,
                    effectiveFrom, testPlan, allowedStandardClasses, temperatureMin, temperatureMax, humidityMax,
                    limitsSource));
            PageMessages.info(added.code() + " @ " + added.effectiveFrom());
            rows = null;
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(LocalDate effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }

    public String getTestPlan() {
        return testPlan;
    }

    public void setTestPlan(String testPlan) {
        this.testPlan = testPlan;
    }

    public String getAllowedStandardClasses() {
        return allowedStandardClasses;
    }

    public void setAllowedStandardClasses(String allowedStandardClasses) {
        this.allowedStandardClasses = allowedStandardClasses;
    }

    public BigDecimal getTemperatureMin() {
        return temperatureMin;
    }

    public void setTemperatureMin(BigDecimal temperatureMin) {
        this.temperatureMin = temperatureMin;
    }

    public BigDecimal getTemperatureMax() {
        return temperatureMax;
    }

    public void setTemperatureMax(BigDecimal temperatureMax) {
        this.temperatureMax = temperatureMax;
    }

    public BigDecimal getHumidityMax() {
        return humidityMax;
    }

    public void setHumidityMax(BigDecimal humidityMax) {
        this.humidityMax = humidityMax;
    }

    public String getLimitsSource() {
        return limitsSource;
    }

    public void setLimitsSource(String limitsSource) {
        this.limitsSource = limitsSource;
    }
}
