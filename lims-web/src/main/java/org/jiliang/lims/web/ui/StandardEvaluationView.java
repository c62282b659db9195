package org.jiliang.lims.web.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.standard.check.AnnualEvaluations;
import org.jiliang.lims.standard.check.IntermediateChecks;
import org.jiliang.lims.standard.check.StandardEvaluation;
import org.jiliang.lims.web.support.PageMessages;

/**
 * The yearly stability and repeatability evaluations on a standard's page (issue 13, JJF 1033): the evaluations made,
 * and for the quality manager the form of the next — the year and, per check point, the limits, filled in with those
 * of the last evaluation.
 */
@Named
@ViewScoped
public class StandardEvaluationView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AnnualEvaluations evaluations;
    @Inject
    private IntermediateChecks checks;
    @Inject
    private Clock clock;

    private String code;
    private boolean planned;
    private List<AnnualEvaluations.EvaluationView> made = List.of();

    @Min(1900)
    @Max(9999)
    private Integer year;
    @Valid
    private List<Row> rows = new ArrayList<>();

    /** A check point's limits as the form holds them. */
    public static class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int ordinal;
        private final String point;
        @Digits(integer = 18, fraction = 12)
        private BigDecimal stabilityLimit;
        private StandardEvaluation.Basis basis = StandardEvaluation.Basis.MPE;
        @Digits(integer = 18, fraction = 12)
        private BigDecimal repeatabilityLimit;

        Row(int ordinal, String point) {
            this.ordinal = ordinal;
            this.point = point;
        }

        public int getOrdinal() {
            return ordinal;
        }

        public String getPoint() {
            return point;
        }

        public BigDecimal getStabilityLimit() {
            return stabilityLimit;
        }

        public void setStabilityLimit(BigDecimal stabilityLimit) {
            this.stabilityLimit = stabilityLimit;
        }

        public StandardEvaluation.Basis getBasis() {
            return basis;
        }

        public void setBasis(StandardEvaluation.Basis basis) {
            this.basis = basis;
        }

        public BigDecimal getRepeatabilityLimit() {
            return repeatabilityLimit;
        }

        public void setRepeatabilityLimit(BigDecimal repeatabilityLimit) {
            this.repeatabilityLimit = repeatabilityLimit;
        }
    }

    @PostConstruct
    void init() {
        String c = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("code");
        code = c == null || c.length() > 32 ? null : c.strip();
        if (code == null || code.isEmpty()) {
            return;
        }
        try {
            Optional<IntermediateChecks.PlanView> plan = checks.planOf(code);
            made = evaluations.evaluationsOf(code);
            planned = plan.isPresent();
            plan.ifPresent(p -> p.points().forEach(point -> rows.add(row(point))));
            int thisYear = LocalDate.now(clock).getYear();
            year = made.stream().anyMatch(e -> e.year() == thisYear - 1) ? thisYear : thisYear - 1;
        } catch (RefusedException e) {
            planned = false; // the page's own view says why
        }
    }

    /** The row of a point, with the limits of its newest evaluation. */
    private Row row(IntermediateChecks.PointView point) {
        Row r = new Row(point.ordinal(), point.nominal() + " (" + point.unit() + ")");
        made.stream().filter(e -> e.ordinal() == point.ordinal()).findFirst().ifPresent(e -> {
            r.stabilityLimit = e.stabilityLimit();
            r.basis = e.basis();
            r.repeatabilityLimit = e.repeatabilityLimit();
        });
        return r;
    }

    /** Evaluates the year; the page is read again, with the case a failed verdict opened. */
    public void evaluate() {
        try {
            evaluations.evaluate(code, year, rows.stream().map(r -> new AnnualEvaluations.PointLimits(r.ordinal,
                    r.stabilityLimit, r.basis, r.repeatabilityLimit)).toList());
            // no fragment (#evaluations): a link that differs from the page's only by one is not loaded again
            PageMessages.redirect("/standard.xhtml?code=" + java.net.URLEncoder.encode(code,
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public boolean isPlanned() {
        return planned;
    }

    public List<AnnualEvaluations.EvaluationView> getMade() {
        return made;
    }

    public StandardEvaluation.Basis[] getBases() {
        return StandardEvaluation.Basis.values();
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public List<Row> getRows() {
        return rows;
    }
}
