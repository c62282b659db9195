package org.jiliang.lims.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import jakarta.persistence.EntityManager;
import java.util.List;
import net.sf.jasperreports.engine.JasperReport;
import org.apache.camel.CamelContext;
import org.jiliang.lims.order.JobWorkflow;
import org.jiliang.lims.order.Jobs;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.standard.MeasurementStandard;
import org.jiliang.lims.standard.StandardService;
import org.jiliang.reports.certificate.CertificateKind;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureTest} applied to small web classes that break it on
 * purpose, so none of them can pass for want of anything to check. The fixtures are test
 * classes, which {@link ArchitectureTest} does not import.
 */
class ArchitectureViolationsTest {

    static class ViewWithEntityManager {
        EntityManager em;
    }

    static class ViewHoldingAnEntity {
        MeasurementStandard standard;
    }

    static class ViewReadingAnEntity {
        String jobNumber(Jobs jobs) {
            return jobs.find(1L).jobNumber();
        }
    }

    static class ResourcePassingAnEntityOn {
        Object job(Jobs jobs) {
            return jobs.find(1L);
        }
    }

    static class ViewPassingAnOptionalEntityOn {
        Object standard(StandardService standards) {
            return standards.findByCode("STD-F1-001");
        }
    }

    static class ViewUsingReadModels {
        Object job(JobWorkflow jobs) {
            return jobs.job(1L);
        }

        Object standards(StandardService standards) {
            return standards.standards();
        }
    }

    static class ViewWithCamel {
        CamelContext camel;
    }

    static class ViewWithJasper {
        JasperReport report;
    }

    static class ViewWithReportsApi {
        CertificateKind kind;
    }

    @Test
    void anEntityManagerInTheWebTierIsReported() {
        assertThat(violations(ArchitectureTest.NO_PERSISTENCE, ViewWithEntityManager.class))
                .anySatisfy(v -> assertThat(v).contains("ViewWithEntityManager.em")
                        .contains(EntityManager.class.getName()));
    }

    @Test
    void anEntityInTheWebTierIsReported() {
        assertThat(violations(ArchitectureTest.NO_ENTITIES, ViewHoldingAnEntity.class, ViewReadingAnEntity.class))
                .anySatisfy(v -> assertThat(v).contains("ViewHoldingAnEntity.standard")
                        .contains(MeasurementStandard.class.getName()))
                .anySatisfy(v -> assertThat(v).contains("ViewReadingAnEntity.jobNumber")
                        .contains(VerificationJob.class.getName() + ".jobNumber()"));
    }

    @Test
    void callingAServiceMethodThatHandsOutAnEntityIsReported() {
        assertThat(violations(ArchitectureTest.NO_ENTITIES_HANDED_OVER, ResourcePassingAnEntityOn.class,
                ViewPassingAnOptionalEntityOn.class))
                .anySatisfy(v -> assertThat(v).contains("ResourcePassingAnEntityOn.job")
                        .contains(Jobs.class.getName() + ".find(long)"))
                .anySatisfy(v -> assertThat(v).contains("ViewPassingAnOptionalEntityOn.standard")
                        .contains(StandardService.class.getName() + ".findByCode(java.lang.String)"));
    }

    @Test
    void callingServiceMethodsThatReturnReadModelsIsAllowed() {
        EvaluationResult result = ArchitectureTest.NO_ENTITIES_HANDED_OVER
                .evaluate(new ClassFileImporter().importClasses(ViewUsingReadModels.class));

        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void camelInTheWebTierIsReported() {
        assertThat(violations(ArchitectureTest.NO_CAMEL, ViewWithCamel.class))
                .anySatisfy(v -> assertThat(v).contains("ViewWithCamel.camel").contains(CamelContext.class.getName()));
    }

    @Test
    void jasperReportsInTheWebTierIsReported() {
        assertThat(violations(ArchitectureTest.NO_JASPERREPORTS, ViewWithJasper.class))
                .anySatisfy(v -> assertThat(v).contains("ViewWithJasper.report")
                        .contains(JasperReport.class.getName()));
    }

    @Test
    void theReportsApiInTheWebTierIsReported() {
        assertThat(violations(ArchitectureTest.NO_REPORTS_API, ViewWithReportsApi.class))
                .anySatisfy(v -> assertThat(v).contains("ViewWithReportsApi.kind")
                        .contains(CertificateKind.class.getName()));
    }

    private static List<String> violations(ArchRule rule, Class<?>... fixtures) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(fixtures));
        assertThat(result.hasViolation()).as("%s should report %s", rule.getDescription(), fixtures).isTrue();
        return result.getFailureReport().getDetails();
    }
}
