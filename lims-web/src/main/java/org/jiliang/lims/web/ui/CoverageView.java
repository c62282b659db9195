package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.jiliang.lims.coverage.TraceabilityCoverage;
import org.jiliang.lims.coverage.TraceabilityNeed;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;

/**
 * The coverage of the region's traceability needs (issue 15): the needs and how today's valid standards cover
 * them, the standards' measuring ranges, and the quality manager's forms.
 */
@Named
@ViewScoped
public class CoverageView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private TraceabilityCoverage coverage;

    private transient TraceabilityCoverage.Figure figure;
    private transient List<TraceabilityCoverage.StandardRange> standards;

    @Size(max = TraceabilityNeed.MAX_DESCRIPTION)
    private String description;
    @Digits(integer = 10, fraction = 9)
    private BigDecimal lower;
    @Digits(integer = 10, fraction = 9)
    private BigDecimal upper;
    @Size(max = 16)
    private String unit;
    @Size(max = 60)
    private String district;
    @Size(max = TraceabilityNeed.MAX_SOURCE)
    private String source;
    @Size(max = 40)
    private String standard;

    public TraceabilityCoverage.Figure getFigure() {
        if (figure == null) {
            figure = coverage.figure(null);
        }
        return figure;
    }

    public List<TraceabilityCoverage.StandardRange> getStandards() {
        if (standards == null) {
            standards = coverage.standards();
        }
        return standards;
    }

    public void registerNeed() {
        act(() -> coverage.register(description, lower, upper, unit, district, source), "coverage.needDone");
    }

    public void recordRange() {
        act(() -> coverage.measuringRange(standard, lower, upper, unit), "coverage.rangeDone");
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            PageMessages.done(done);
            figure = null;
            standards = null;
            description = null;
            lower = null;
            upper = null;
            unit = null;
            district = null;
            source = null;
            standard = null;
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public BigDecimal getLower() {
        return lower;
    }

    public void setLower(BigDecimal lower) {
        this.lower = lower;
    }

    public BigDecimal getUpper() {
        return upper;
    }

    public void setUpper(BigDecimal upper) {
        this.upper = upper;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getStandard() {
        return standard;
    }

    public void setStandard(String standard) {
        this.standard = standard;
    }
}
