package org.jiliang.lims;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import net.sf.jasperreports.engine.JasperReport;
import org.apache.camel.CamelContext;
import org.jiliang.instrument.camel.BenchDeviceComponent;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.jiliang.lims.method.weight.WeightCalibrationMethod;
import org.jiliang.lims.metrology.ImpureCalculation;
import org.jiliang.lims.order.MeasurementMethod;
import org.jiliang.lims.personnel.AccountKnowingItsCustomer;
import org.jiliang.lims.registry.CustomerKnowingItsAccounts;
import org.jiliang.reports.certificate.CertificateKind;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureTest} applied to small classes that break it on purpose: a
 * rule that cannot fail would pass in the build forever. The fixtures are test classes, which
 * {@link ArchitectureTest} does not import.
 */
class ArchitectureViolationsTest {

    static class CamelInAService {
        CamelContext camel;
    }

    static class AdapterCamelGlueInAService {
        BenchDeviceComponent component;
    }

    static class JasperInAService {
        JasperReport report;
    }

    static class ReportsApiOutsideCertificate {
        CertificateKind kind = CertificateKind.VERIFICATION_CERTIFICATE;
    }

    static class SimulatorOutsideDemo {
        MtSicsBalanceSimulator simulator;
    }

    static class ReadsTheSystemClock {
        LocalDate today() {
            return LocalDate.now();
        }

        LocalDateTime timestamp() {
            return LocalDateTime.now();
        }

        Instant instant() {
            return Instant.now();
        }

        ZonedDateTime zoned() {
            return ZonedDateTime.now();
        }

        long millis() {
            return System.currentTimeMillis();
        }

        Clock ownClock() {
            return Clock.systemUTC();
        }
    }

    static class ReadsTheInjectedClock {
        private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), java.time.ZoneOffset.UTC);

        LocalDate today() {
            return LocalDate.now(clock);
        }

        Instant instant() {
            return clock.instant();
        }
    }

    /** What issue 10 removed: the workflow asking which kind a job is, instead of asking the job's method. */
    static class WorkflowSwitchingOnAMethod {
        boolean needsPressure(MeasurementMethod method) {
            return method instanceof WeightCalibrationMethod;
        }
    }

    static class WorkflowAskingTheMethod {
        boolean needsPressure(MeasurementMethod method) {
            return method.needsPressure();
        }
    }

    static class CertificateManager {
    }

    static class TraceabilityHelper {
    }

    static class DateUtil {
    }

    static class MassUtils {
    }

    @Test
    void camelOutsideTheAcquisitionPackageIsReported() {
        assertThat(violations(ArchitectureTest.CAMEL_ONLY_IN_ACQUISITION, CamelInAService.class,
                AdapterCamelGlueInAService.class))
                .anySatisfy(v -> assertThat(v).contains("CamelInAService.camel")
                        .contains("org.apache.camel.CamelContext"))
                .anySatisfy(v -> assertThat(v).contains("AdapterCamelGlueInAService.component")
                        .contains(BenchDeviceComponent.class.getName()));
    }

    @Test
    void jasperReportsAnywhereIsReported() {
        assertThat(violations(ArchitectureTest.NO_JASPERREPORTS, JasperInAService.class))
                .anySatisfy(v -> assertThat(v).contains("JasperInAService.report")
                        .contains("net.sf.jasperreports.engine.JasperReport"));
    }

    @Test
    void reportsApiOutsideTheCertificatePackageIsReported() {
        assertThat(violations(ArchitectureTest.REPORTS_API_ONLY_IN_CERTIFICATE, ReportsApiOutsideCertificate.class))
                .anySatisfy(v -> assertThat(v).contains("ReportsApiOutsideCertificate.kind")
                        .contains(CertificateKind.class.getName()));
    }

    @Test
    void metrologyReachingForJpaOrAnotherFeatureIsReported() {
        assertThat(violations(ArchitectureTest.METROLOGY_IS_PURE_COMPUTATION, ImpureCalculation.class))
                .anySatisfy(v -> assertThat(v).contains("jakarta.persistence.EntityManager"))
                .anySatisfy(v -> assertThat(v).contains("org.jiliang.lims.platform.Messages.format"));
    }

    @Test
    void readingTheSystemClockIsReportedForEveryWayOfDoingIt() {
        assertThat(violations(ArchitectureTest.TIME_ONLY_FROM_THE_INJECTED_CLOCK, ReadsTheSystemClock.class))
                .anySatisfy(v -> assertThat(v).contains("calls method <java.time.LocalDate.now()>"))
                .anySatisfy(v -> assertThat(v).contains("calls method <java.time.LocalDateTime.now()>"))
                .anySatisfy(v -> assertThat(v).contains("calls method <java.time.Instant.now()>"))
                .anySatisfy(v -> assertThat(v).contains("calls method <java.time.ZonedDateTime.now()>"))
                .anySatisfy(v -> assertThat(v).contains("calls method <java.lang.System.currentTimeMillis()>"))
                .anySatisfy(v -> assertThat(v).contains("calls method <java.time.Clock.systemUTC()>"));
    }

    @Test
    void readingTheInjectedClockIsAllowed() {
        EvaluationResult result = ArchitectureTest.TIME_ONLY_FROM_THE_INJECTED_CLOCK
                .evaluate(new ClassFileImporter().importClasses(ReadsTheInjectedClock.class));

        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void aSimulatorOutsideTheDemoPackageIsReported() {
        assertThat(violations(ArchitectureTest.SIMULATORS_ONLY_IN_DEMO, SimulatorOutsideDemo.class))
                .anySatisfy(v -> assertThat(v).contains("SimulatorOutsideDemo.simulator")
                        .contains(MtSicsBalanceSimulator.class.getName()));
    }

    @Test
    void aWorkflowClassNamingAConcreteMethodIsReported() {
        assertThat(violations(ArchitectureTest.WORKFLOW_NAMES_NO_CONCRETE_METHOD, WorkflowSwitchingOnAMethod.class))
                .anySatisfy(v -> assertThat(v).contains("WorkflowSwitchingOnAMethod.needsPressure")
                        .contains(WeightCalibrationMethod.class.getName()));
    }

    @Test
    void aWorkflowClassAskingTheMethodInterfaceIsAllowed() {
        EvaluationResult result = ArchitectureTest.WORKFLOW_NAMES_NO_CONCRETE_METHOD
                .evaluate(new ClassFileImporter().importClasses(WorkflowAskingTheMethod.class));

        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void managerHelperAndUtilNamesAreReported() {
        assertThat(violations(ArchitectureTest.NAMES_ARE_NOUNS_OF_THE_DOMAIN, CertificateManager.class,
                TraceabilityHelper.class, DateUtil.class, MassUtils.class))
                .anySatisfy(v -> assertThat(v).contains("CertificateManager"))
                .anySatisfy(v -> assertThat(v).contains("TraceabilityHelper"))
                .anySatisfy(v -> assertThat(v).contains("DateUtil"))
                .anySatisfy(v -> assertThat(v).contains("MassUtils"));
    }

    @Test
    void twoFeaturesThatUseEachOtherAreReportedAsACycle() {
        assertThat(violations(ArchitectureTest.NO_PACKAGE_CYCLES, CustomerKnowingItsAccounts.class,
                AccountKnowingItsCustomer.class))
                .anySatisfy(v -> assertThat(v).contains("Cycle detected")
                        .contains("Slice personnel").contains("Slice registry")
                        .contains("CustomerKnowingItsAccounts.firstAccount")
                        .contains("AccountKnowingItsCustomer.customer"));
    }

    private static java.util.List<String> violations(ArchRule rule, Class<?>... fixtures) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(fixtures));
        assertThat(result.hasViolation()).as("%s should report %s", rule.getDescription(), fixtures).isTrue();
        return result.getFailureReport().getDetails();
    }
}
