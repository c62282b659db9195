package org.jiliang.lims.demo;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jiliang.lims.bench.LatestReading;
import org.jiliang.lims.bench.LiveReadingService;
import org.jiliang.lims.certificate.CertificateService;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.order.CaptureRequest;
import org.jiliang.lims.order.CaptureService;
import org.jiliang.lims.order.IntakeService;
import org.jiliang.lims.order.JobView;
import org.jiliang.lims.order.JobWorkflow;
import org.jiliang.lims.registry.CategoryView;
import org.jiliang.lims.registry.InstrumentStatus;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.registry.LegalCatalogue;

/**
 * The demo's first jobs at its benches (issue 15: the dashboard's figures count real work, not rows written for them).
 * Once the simulated devices stream, the demo's technician verifies a market's price-computing scale at bench BAL-01
 * (free of charge: the market and the category are in the markets' programme) and inspects a lot of the food
 * company's sugar at the mass comparator, weighing every empty packaging and package live; the checker and the
 * approver sign; the certificate and the inspection report are issued and signed like any other. Every step goes
 * through the services a page calls, as the demo's accounts (DemoTechnician, DemoChecker, DemoApprover), so each
 * refusal a person would meet applies here too.
 *
 * <p>Runs once, a moment after the demo data was loaded into an empty database, and only with
 * {@code jiliang.demo.history} on (the default; the integration tests' shared server turns it off). A failure is
 * logged and leaves the rest of the demo as it is.
 */
@Stateless
@PermitAll // its timer starts it; what it does is done as the demo's staff
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoBenchHistory {

    private static final Logger LOG = Logger.getLogger(DemoBenchHistory.class.getName());

    static final String SCALE_BENCH = "BAL-01";
    static final String BALANCE = "CMP-01";
    private static final String WEIGHTS = "STD-F1-001";
    private static final String BALANCE_STANDARD = "STD-BAL-009";
    /** The legal category of price-computing and other non-automatic weighing instruments. */
    private static final String MARKET_SCALES = "NAWI";
    /** e/2 of the register's price-computing scales (e = 10 g): the small weights at which the indication changes. */
    private static final BigDecimal HALF_E_GRAMS = new BigDecimal("5");
    /** The ten empty bags of the inspected lot (g, to the comparator's 0.1 mg): their mean, 3.0029 g, is the tare. */
    private static final List<String> EMPTY_BAGS = List.of("3.0112", "2.9871", "3.0245", "2.9968", "3.0031", "2.9790",
            "3.0187", "3.0054", "2.9923", "3.0106");
    /** The ten packages of the sample, gross (g): each holds 400.05 g to 401.44 g of sugar against Q_n = 400 g. */
    private static final List<String> PACKAGES = List.of("403.6218", "404.1052", "403.2897", "403.8830", "404.4416",
            "403.0571", "403.9734", "403.5129", "404.2263", "403.7785");
    private static final Duration FIRST_READING = Duration.ofMinutes(2);
    private static final Duration STABLE = Duration.ofSeconds(30);
    private static final BigDecimal TEMPERATURE = new BigDecimal("20.5");
    private static final BigDecimal HUMIDITY = new BigDecimal("45");

    @Resource
    private TimerService timers;
    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private DemoTechnician technician;
    @Inject
    private DemoChecker checker;
    @Inject
    private DemoApprover approver;
    @Inject
    private IntakeService intake;
    @Inject
    private JobWorkflow workflow;
    @Inject
    private CaptureService capture;
    @Inject
    private CertificateService certificates;
    @Inject
    private LiveReadingService readings;
    @Inject
    private DemoBenchService bench;
    @Inject
    private LegalCatalogue catalogue;

    /** Starts the history a second from now, once (not kept over a restart: the demo data is loaded once too). */
    public void schedule() {
        timers.createSingleActionTimer(1000, new TimerConfig("demo bench history", false));
    }

    @Timeout
    void play(Timer timer) {
        try {
            String certificate = verifyAMarketScale();
            String report = inspectTheLot();
            LOG.info("The demo's bench history: a market's scale verified free of charge (certificate " + certificate
                    + "), the lot " + DemoDataLoader.INSPECTED_LOT + " inspected (report " + report + ")");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The demo's bench history stopped; the rest of the demo is there", e);
        }
    }

    /**
     * The market's price-computing scale most overdue (owners in the category's free programme): received at
     * the bench, weighed through JJG 539's plan with the F1 weights on the simulated scale, signed by three people.
     */
    private String verifyAMarketScale() {
        // free when the owner is in the programme the catalogue names for the category (FeeDecision)
        String programme = catalogue.current(MARKET_SCALES).map(CategoryView::freeProgramme).orElseThrow(
                () -> new IllegalStateException("The catalogue names no free programme for " + MARKET_SCALES));
        InstrumentUnderTest scale = em.createQuery("select i from InstrumentUnderTest i where i.legalCategory = :nawi"
                        + " and i.customer.freeProgramme = :programme and i.status = :inService"
                        + " and i.nextDueDate is not null"
                        + " order by i.nextDueDate, i.serialNumber", InstrumentUnderTest.class)
                .setParameter("nawi", MARKET_SCALES).setParameter("programme", programme)
                .setParameter("inService", InstrumentStatus.IN_SERVICE).setMaxResults(1).getSingleResult();
        long job = technician.does(() -> {
            awaitFirstReading(SCALE_BENCH);
            long id = intake.open(scale.id(), VerificationType.SUBSEQUENT, SCALE_BENCH).id();
            workflow.selectStandard(id, WEIGHTS, null);
            workflow.recordEnvironment(id, TEMPERATURE, HUMIDITY, null, null, null);
            for (JobView.PointView point : workflow.job(id).points()) {
                for (int reading = 1; reading <= point.readingsNeeded(); reading++) {
                    BigDecimal grams = grams(point.load());
                    if (reading == 2 && point.extraLoad() != null) {
                        grams = grams.add(grams(point.extraLoad())); // the second reading of discrimination
                    }
                    BigDecimal kg = grams.movePointLeft(3);
                    bench.placeLoad(SCALE_BENCH, kg, "kg");
                    awaitStable(SCALE_BENCH, kg.setScale(2, RoundingMode.HALF_UP));
                    capture.capture(id, point.ordinal(), new CaptureRequest(point.takesAdditionalLoad() ? HALF_E_GRAMS
                            : null, null, null, null, Map.of()));
                }
            }
            bench.placeLoad(SCALE_BENCH, BigDecimal.ZERO, "kg"); // the pan left empty for the next job
            return workflow.submit(id, password(), null).id();
        });
        return signed(job);
    }

    /**
     * The lot of sugar waiting since the demo data was loaded: the ten empty bags on the comparator, then the ten
     * packages of the sample; the lot passes.
     */
    private String inspectTheLot() {
        InstrumentUnderTest lot = em.createQuery("select i from InstrumentUnderTest i where i.serialNumber = :lot",
                InstrumentUnderTest.class).setParameter("lot", DemoDataLoader.INSPECTED_LOT).getSingleResult();
        long job = technician.does(() -> {
            awaitFirstReading(BALANCE);
            long id = intake.open(lot.id(), null, BALANCE).id();
            workflow.selectStandard(id, BALANCE_STANDARD, null);
            workflow.recordEnvironment(id, TEMPERATURE, HUMIDITY, null, null, null);
            List<String> weighings = new java.util.ArrayList<>(EMPTY_BAGS);
            weighings.addAll(PACKAGES);
            List<JobView.PointView> points = workflow.job(id).points();
            if (points.size() != weighings.size()) {
                throw new IllegalStateException("The lot's plan has " + points.size() + " weighings, the demo "
                        + weighings.size());
            }
            for (int i = 0; i < points.size(); i++) {
                BigDecimal grams = new BigDecimal(weighings.get(i));
                bench.placeLoad(BALANCE, grams, "g");
                awaitStable(BALANCE, grams);
                capture.capture(id, points.get(i).ordinal(), new CaptureRequest(null, null, null, null, Map.of()));
            }
            bench.placeLoad(BALANCE, BigDecimal.ZERO, "g"); // the pan left empty for the next job
            return workflow.submit(id, password(), null).id();
        });
        return signed(job);
    }

    /** Checked and approved by two other people: the document is issued. */
    private String signed(long job) {
        checker.does(() -> workflow.check(job, password(), null));
        return approver.does(() -> certificates.approveAndIssue(job, password(), null)).number();
    }

    private static char[] password() {
        return DemoDataLoader.DEMO_PASSWORD.toCharArray();
    }

    /** "5000 g" → 5000. */
    private static BigDecimal grams(String quantity) {
        int space = quantity.lastIndexOf(' ');
        return Quantity.of(quantity.substring(0, space), quantity.substring(space + 1)).to(Units.of("g")).value();
    }

    /** The device streams: the acquisition started after the demo data, so its first reading may take a moment. */
    private void awaitFirstReading(String device) {
        await(device, FIRST_READING, r -> true, "any reading");
    }

    /** The technician watches the display until it is stable at the value. */
    private void awaitStable(String device, BigDecimal value) {
        await(device, STABLE, r -> "STABLE".equals(r.status()) && r.value() != null && r.value().compareTo(value) == 0,
                "a stable " + value.toPlainString());
    }

    private void await(String device, Duration within, java.util.function.Predicate<LatestReading> shown, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            var latest = readings.latest(device);
            if (latest.isPresent() && shown.test(latest.get())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(device + " did not show " + what + " within " + within + "; last: "
                        + latest.map(r -> r.status() + " " + r.value()).orElse("nothing"));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + device, e);
            }
        }
    }
}
