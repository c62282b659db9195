package org.jiliang.lims.procedure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One edition of a procedure (e.g. JJG 539-2016) from its effective date: which test plan it
 * generates, which standard accuracy classes it accepts, the environment limits and where
 * those limits come from. A job keeps the edition it was made with.
 */
@Entity
@Table(name = "procedure_version")
public class ProcedureVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String kind;

    @Column(name = "effective_from", nullable = false)
    private LocalDate effectiveFrom;

    @Column(name = "test_plan", nullable = false)
    private String testPlan;

    @Column(name = "allowed_standard_classes", nullable = false)
    private String allowedStandardClasses;

    @Column(name = "temperature_min", nullable = false)
    private BigDecimal temperatureMin;

    @Column(name = "temperature_max", nullable = false)
    private BigDecimal temperatureMax;

    @Column(name = "humidity_max", nullable = false)
    private BigDecimal humidityMax;

    @Column(name = "limits_source", nullable = false)
    private String limitsSource;

    protected ProcedureVersion() {
    }

    public ProcedureVersion(String code, String title, String kind, LocalDate effectiveFrom, String testPlan,
            Set<String> allowedStandardClasses, BigDecimal temperatureMin, BigDecimal temperatureMax,
            BigDecimal humidityMax, String limitsSource) {
        this.code = code;
        this.title = title;
        this.kind = kind;
        this.effectiveFrom = effectiveFrom;
        this.testPlan = testPlan;
        this.allowedStandardClasses = String.join(",", allowedStandardClasses);
        this.temperatureMin = temperatureMin;
        this.temperatureMax = temperatureMax;
        this.humidityMax = humidityMax;
        this.limitsSource = limitsSource;
    }

    public boolean acceptsStandardClass(String accuracy) {
        return allowedStandardClasses().contains(accuracy);
    }

    public Set<String> allowedStandardClasses() {
        return Arrays.stream(allowedStandardClasses.split(",")).map(String::trim)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    public boolean environmentWithinLimits(BigDecimal temperature, BigDecimal humidity) {
        return temperature.compareTo(temperatureMin) >= 0 && temperature.compareTo(temperatureMax) <= 0
                && humidity.compareTo(humidityMax) <= 0;
    }

    public String limitsText() {
        return temperatureMin.stripTrailingZeros().toPlainString() + " °C … "
                + temperatureMax.stripTrailingZeros().toPlainString() + " °C, ≤ "
                + humidityMax.stripTrailingZeros().toPlainString() + " %RH";
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public String testPlan() {
        return testPlan;
    }

    public String limitsSource() {
        return limitsSource;
    }

    public String kind() {
        return kind;
    }
}
