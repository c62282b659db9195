package org.jiliang.lims.web.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jiliang.lims.metrology.spc.Limits;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.standard.StandardService;
import org.jiliang.lims.standard.StandardView;
import org.jiliang.lims.standard.check.ChartKind;
import org.jiliang.lims.standard.check.CheckCriterion;
import org.jiliang.lims.standard.check.CheckPoint;
import org.jiliang.lims.standard.check.IntermediateChecks;
import org.jiliang.lims.web.support.PageMessages;

/**
 * A standard's page (issue 13): its status, its check plan, the control charts of its check points, its checks and
 * the cases they opened; the quality manager states the plan, a technician or the quality manager records a check.
 * Opened as {@code standard.xhtml?code=STD-F1-001}.
 */
@Named
@ViewScoped
public class StandardChecksView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private IntermediateChecks checks;
    @Inject
    private StandardService standards;
    @Inject
    private Clock clock;
    @Inject
    private org.jiliang.lims.traceability.Traceability traceability;

    @Size(max = 32)
    private String code;
    private StandardView standard;
    private IntermediateChecks.PlanView plan;
    private List<IntermediateChecks.PointChart> charts = List.of();
    private List<IntermediateChecks.CheckView> history = List.of();
    private List<IntermediateChecks.CaseView> cases = List.of();

    // the plan form
    @Min(1)
    @Max(IntermediateChecks.MAX_INTERVAL_DAYS)
    private int intervalDays = 30;
    @Size(max = 200)
    private String checkStandard;
    private ChartKind chart = ChartKind.INDIVIDUALS;
    @Min(1)
    @Max(IntermediateChecks.MAX_READINGS)
    private int readingsPerCheck = 1;
    @Min(2)
    @Max(IntermediateChecks.MAX_BASE)
    private int baseChecks = 20;
    private CheckCriterion criterion = CheckCriterion.CONTROL_LIMITS;
    /** One point per line: nominal | unit | reference value | its U (the last two optional). */
    @Size(max = 4000)
    private String points;

    // calibrations and reverse traceability
    private List<org.jiliang.lims.traceability.Traceability.CalibrationView> calibrations = List.of();
    private List<org.jiliang.lims.traceability.Traceability.Affected> affected;
    private LocalDate since;
    @Size(max = 200)
    private String laboratory;
    @Size(max = 100)
    private String calibrationCertificate;
    private LocalDate calibratedOn;
    private LocalDate calibrationDue;
    private LocalDate dccDue;
    @Size(max = 40)
    private String chainCertificate;
    private transient org.primefaces.model.TreeNode<org.jiliang.lims.traceability.Traceability.Link> chain;
    @Size(max = 40)
    private String internalCertificate;

    // the assessment certificate form
    @Size(max = 60)
    private String assessmentCertificate;
    @Size(max = 300)
    private String assessmentScope;
    private LocalDate assessmentValidUntil;

    // the check form
    private LocalDate performedOn;
    @Size(max = 300)
    private String note;
    private List<Entry> entries = new ArrayList<>();

    /** A point's entry on the check form. */
    public static class Entry implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String nominal;
        private final String unit;
        @Size(max = 400)
        private String readings;
        private BigDecimal uncertainty;

        Entry(String nominal, String unit) {
            this.nominal = nominal;
            this.unit = unit;
        }

        public String getNominal() {
            return nominal;
        }

        public String getUnit() {
            return unit;
        }

        public String getReadings() {
            return readings;
        }

        public void setReadings(String readings) {
            this.readings = readings;
        }

        public BigDecimal getUncertainty() {
            return uncertainty;
        }

        public void setUncertainty(BigDecimal uncertainty) {
            this.uncertainty = uncertainty;
        }
    }

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        read();
        performedOn = LocalDate.now(clock);
    }

    private void read() {
        chain = null; // drawn again from the records just read
        String c = code == null ? "" : code.strip();
        standard = standards.standards().stream().filter(s -> s.code().equals(c)).findFirst().orElse(null);
        if (standard == null) {
            PageMessages.refused(new RefusedException("error.standard.notFound", c));
            return;
        }
        plan = checks.planOf(c).orElse(null);
        charts = checks.chartsOf(c);
        history = new ArrayList<>(checks.checksOf(c));
        java.util.Collections.reverse(history);
        cases = checks.casesOf(c);
        calibrations = traceability.calibrationsOf(c);
        if (since == null) {
            since = checks.suspectSince(c);
        }
        if (plan != null && entries.size() != plan.points().size()) {
            entries = new ArrayList<>(plan.points().stream().map(p -> new Entry(p.nominal(), p.unit())).toList());
        }
    }

    /** The certificates the standard spoiled if it was wrong from {@link #since} on. */
    public void showAffected() {
        try {
            affected = traceability.affectedBy(code, since);
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    /** The upward chain shown: the standard's own, or that of a certificate asked for. */
    public org.primefaces.model.TreeNode<org.jiliang.lims.traceability.Traceability.Link> getChain() {
        if (chain == null && standard != null) {
            try {
                chain = tree(chainCertificate == null || chainCertificate.isBlank()
                        ? traceability.chainOfStandard(code) : traceability.chainOfCertificate(chainCertificate));
            } catch (RefusedException e) {
                PageMessages.refused(e);
                chainCertificate = null;
                chain = tree(traceability.chainOfStandard(code));
            }
        }
        return chain;
    }

    /** Shows the chain of the certificate typed (or, when empty, the standard's own). */
    public void showChain() {
        chain = null;
    }

    private static org.primefaces.model.TreeNode<org.jiliang.lims.traceability.Traceability.Link> tree(
            org.jiliang.lims.traceability.Traceability.Link top) {
        // a horizontal tree draws its root: the root is the first link
        var root = new org.primefaces.model.DefaultTreeNode<>(top, null);
        root.setExpanded(true);
        top.above().forEach(up -> add(root, up));
        return root;
    }

    private static void add(org.primefaces.model.TreeNode<org.jiliang.lims.traceability.Traceability.Link> parent,
            org.jiliang.lims.traceability.Traceability.Link link) {
        var node = new org.primefaces.model.DefaultTreeNode<>(link, parent);
        node.setExpanded(true);
        link.above().forEach(up -> add(node, up));
    }

    /** The quality manager imports the upper-level laboratory's DCC, with the due date stated before. */
    public void uploadDcc(org.primefaces.event.FileUploadEvent event) {
        var file = event.getFile();
        try (java.io.InputStream in = file.getInputStream()) {
            byte[] xml = in.readNBytes(org.jiliang.lims.traceability.Traceability.MAX_DCC_BYTES + 1);
            if (xml.length > org.jiliang.lims.traceability.Traceability.MAX_DCC_BYTES) {
                throw new RefusedException("error.dcc.TOO_LARGE", file.getSize() + " bytes");
            }
            if (dccDue == null) {
                throw new RefusedException("error.trace.dueDate");
            }
            traceability.importDcc(code, xml, file.getFileName(), dccDue);
            PageMessages.done("standard.calibrationRecorded");
            dccDue = null;
            read();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        } catch (java.io.IOException e) {
            PageMessages.refused(new RefusedException("error.dcc.NOT_XML", e.getMessage()));
        }
    }

    /** The quality manager records a calibration of the standard (ours: under one of our certificates). */
    public void recordCalibration() {
        try {
            traceability.recordCalibration(code, new org.jiliang.lims.traceability.Traceability.CalibrationDetails(
                    laboratory, calibrationCertificate, calibratedOn, calibrationDue, internalCertificate));
            PageMessages.done("standard.calibrationRecorded");
            laboratory = null;
            calibrationCertificate = null;
            calibratedOn = null;
            calibrationDue = null;
            internalCertificate = null;
            read();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    /** The quality manager records the assessment certificate (or the one a re-examination renewed). */
    public void recordAssessment() {
        try {
            standards.recordAssessment(code, assessmentCertificate, assessmentScope, assessmentValidUntil);
            PageMessages.done("standard.assessmentRecorded");
            assessmentCertificate = null;
            assessmentScope = null;
            assessmentValidUntil = null;
            read();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public String getAssessmentCertificate() {
        return assessmentCertificate;
    }

    public void setAssessmentCertificate(String assessmentCertificate) {
        this.assessmentCertificate = assessmentCertificate;
    }

    public String getAssessmentScope() {
        return assessmentScope;
    }

    public void setAssessmentScope(String assessmentScope) {
        this.assessmentScope = assessmentScope;
    }

    public LocalDate getAssessmentValidUntil() {
        return assessmentValidUntil;
    }

    public void setAssessmentValidUntil(LocalDate assessmentValidUntil) {
        this.assessmentValidUntil = assessmentValidUntil;
    }

    public void savePlan() {
        try {
            List<CheckPoint.Definition> defined = new ArrayList<>();
            for (String line : (points == null ? "" : points).split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                defined.add(new CheckPoint.Definition(field(f, 0), field(f, 1), number(f, 2), number(f, 3)));
            }
            checks.plan(code, new IntermediateChecks.PlanDetails(intervalDays, checkStandard, chart,
                    readingsPerCheck, baseChecks, criterion, defined));
            PageMessages.done("standard.planSaved");
            entries = new ArrayList<>();
            read();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    private static String field(String[] fields, int i) {
        return i < fields.length ? fields[i].strip() : "";
    }

    private static BigDecimal number(String[] fields, int i) {
        String text = field(fields, i);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new RefusedException("error.check.referenceBounds", field(fields, 0));
        }
    }

    public void record() {
        try {
            IntermediateChecks.CheckView c = checks.record(code, new IntermediateChecks.CheckDetails(performedOn,
                    note, entries.stream().map(e -> new IntermediateChecks.PointEntry(e.getReadings(),
                            e.getUncertainty())).toList()));
            PageMessages.info(PageMessages.text("standard.checkRecorded") + " "
                    + PageMessages.text("checkOutcome." + c.outcome()));
            note = null;
            entries.forEach(e -> {
                e.setReadings(null);
                e.setUncertainty(null);
            });
            read();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    /** The chart of a point's values (or means): the checks, the centre line and limits, signals in red. */
    public String valuesChart(IntermediateChecks.PointChart c) {
        return lineChart(c, IntermediateChecks.ChartPoint::value, c.values(),
                PageMessages.text(c.chart() == ChartKind.MEAN_RANGE ? "standard.chart.means"
                        : "standard.chart.values") + " (" + c.unit() + ")", false);
    }

    /** The chart of a point's ranges or moving ranges. */
    public String rangesChart(IntermediateChecks.PointChart c) {
        return lineChart(c, IntermediateChecks.ChartPoint::range, c.ranges(),
                PageMessages.text(c.chart() == ChartKind.MEAN_RANGE ? "standard.chart.ranges"
                        : "standard.chart.movingRanges") + " (" + c.unit() + ")", true);
    }

    private static String lineChart(IntermediateChecks.PointChart c,
            Function<IntermediateChecks.ChartPoint, BigDecimal> value, Limits limits, String label, boolean ranges) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        for (IntermediateChecks.ChartPoint p : c.points()) {
            labels.add(p.performedOn().toString());
            BigDecimal v = value.apply(p);
            if (v == null) {
                data.addNull();
            } else {
                data.add(v);
            }
            boolean signalled = p.signals() != null && (ranges ? p.signals().contains("R")
                    : java.util.Arrays.stream(p.signals().split(" ")).anyMatch(s -> !s.startsWith("R")));
            colours.add(signalled ? "#c62828" : "#1f5f99");
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", label)
                .add("data", data).add("borderColor", "#1f5f99").add("pointBackgroundColor", colours)
                .add("pointRadius", 4).add("fill", false));
        if (limits != null) {
            datasets.add(level(PageMessages.text("standard.chart.upper"), limits.upper(), c.points().size(),
                    "#c62828"));
            datasets.add(level(PageMessages.text("standard.chart.centre"), limits.centre(), c.points().size(),
                    "#2e7d32"));
            datasets.add(level(PageMessages.text("standard.chart.lower"), limits.lower(), c.points().size(),
                    "#c62828"));
        }
        return Json.createObjectBuilder().add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder().add("animation", false))
                .build().toString();
    }

    private static JsonObjectBuilder level(String label, BigDecimal value, int points, String colour) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (int i = 0; i < points; i++) {
            data.add(value);
        }
        return Json.createObjectBuilder().add("label", label).add("data", data).add("borderColor", colour)
                .add("borderDash", Json.createArrayBuilder().add(6).add(4)).add("pointRadius", 0).add("fill", false);
    }

    /** "x̄ = …, limits … to …" or why there are no limits yet. */
    public String limitsText(IntermediateChecks.PointChart c) {
        if (c.values() == null) {
            return java.text.MessageFormat.format(PageMessages.text(c.points().size() < c.baseChecks()
                    ? "standard.chart.basePeriod" : "standard.chart.noScatter"), c.points().size(), c.baseChecks());
        }
        return java.text.MessageFormat.format(PageMessages.text("standard.chart.limits"), plain(c.values().centre()),
                plain(c.values().lower()), plain(c.values().upper()), c.baseChecks());
    }

    /** A check's result at a point as the page shows it: "1 kg: 1000.0030 g, E_n = 0.80, tests 1 R1". */
    public String result(IntermediateChecks.ResultView r) {
        IntermediateChecks.PointView point = plan == null || r.ordinal() > plan.points().size() ? null
                : plan.points().get(r.ordinal() - 1);
        StringBuilder text = new StringBuilder();
        if (point != null) {
            text.append(point.nominal()).append(": ");
        }
        text.append(r.mean().stripTrailingZeros().toPlainString());
        if (point != null) {
            text.append(' ').append(point.unit());
        }
        if (r.normalizedError() != null) {
            text.append(", E_n = ").append(r.normalizedError().setScale(2, java.math.RoundingMode.HALF_UP)
                    .toPlainString());
        }
        if (r.signals() != null) {
            text.append(", ").append(PageMessages.text("standard.tests")).append(' ').append(r.signals());
        }
        return text.toString();
    }

    /** What a case was opened on, in the page's language: the check's date and its results. */
    public String finding(IntermediateChecks.CaseView c) {
        return history.stream().filter(k -> c.checkId() != null && k.id() == c.checkId()).findFirst()
                .map(k -> java.text.MessageFormat.format(PageMessages.text("standard.case.finding"),
                        k.performedOn().toString(), String.join("; ", k.results().stream().map(this::result)
                                .toList())))
                .orElse(c.reason());
    }

    private static String plain(BigDecimal value) {
        return value.round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }

    public List<org.jiliang.lims.traceability.Traceability.CalibrationView> getCalibrations() {
        return calibrations;
    }

    /** Null until asked for. */
    public List<org.jiliang.lims.traceability.Traceability.Affected> getAffected() {
        return affected;
    }

    public LocalDate getSince() {
        return since;
    }

    public void setSince(LocalDate since) {
        this.since = since;
    }

    public String getLaboratory() {
        return laboratory;
    }

    public void setLaboratory(String laboratory) {
        this.laboratory = laboratory;
    }

    public String getCalibrationCertificate() {
        return calibrationCertificate;
    }

    public void setCalibrationCertificate(String calibrationCertificate) {
        this.calibrationCertificate = calibrationCertificate;
    }

    public LocalDate getCalibratedOn() {
        return calibratedOn;
    }

    public void setCalibratedOn(LocalDate calibratedOn) {
        this.calibratedOn = calibratedOn;
    }

    public LocalDate getCalibrationDue() {
        return calibrationDue;
    }

    public String getChainCertificate() {
        return chainCertificate;
    }

    public void setChainCertificate(String chainCertificate) {
        this.chainCertificate = chainCertificate;
    }

    public LocalDate getDccDue() {
        return dccDue;
    }

    public void setDccDue(LocalDate dccDue) {
        this.dccDue = dccDue;
    }

    public void setCalibrationDue(LocalDate calibrationDue) {
        this.calibrationDue = calibrationDue;
    }

    public String getInternalCertificate() {
        return internalCertificate;
    }

    public void setInternalCertificate(String internalCertificate) {
        this.internalCertificate = internalCertificate;
    }

    public ChartKind[] getCharts() {
        return ChartKind.values();
    }

    public CheckCriterion[] getCriteria() {
        return CheckCriterion.values();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public StandardView getStandard() {
        return standard;
    }

    public IntermediateChecks.PlanView getPlan() {
        return plan;
    }

    public List<IntermediateChecks.PointChart> getPointCharts() {
        return charts;
    }

    public List<IntermediateChecks.CheckView> getHistory() {
        return history;
    }

    public List<IntermediateChecks.CaseView> getCases() {
        return cases;
    }

    public int getIntervalDays() {
        return intervalDays;
    }

    public void setIntervalDays(int intervalDays) {
        this.intervalDays = intervalDays;
    }

    public String getCheckStandard() {
        return checkStandard;
    }

    public void setCheckStandard(String checkStandard) {
        this.checkStandard = checkStandard;
    }

    public ChartKind getChart() {
        return chart;
    }

    public void setChart(ChartKind chart) {
        this.chart = chart;
    }

    public int getReadingsPerCheck() {
        return readingsPerCheck;
    }

    public void setReadingsPerCheck(int readingsPerCheck) {
        this.readingsPerCheck = readingsPerCheck;
    }

    public int getBaseChecks() {
        return baseChecks;
    }

    public void setBaseChecks(int baseChecks) {
        this.baseChecks = baseChecks;
    }

    public CheckCriterion getCriterion() {
        return criterion;
    }

    public void setCriterion(CheckCriterion criterion) {
        this.criterion = criterion;
    }

    public String getPoints() {
        return points;
    }

    public void setPoints(String points) {
        this.points = points;
    }

    public LocalDate getPerformedOn() {
        return performedOn;
    }

    public void setPerformedOn(LocalDate performedOn) {
        this.performedOn = performedOn;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public List<Entry> getEntries() {
        return entries;
    }
}
