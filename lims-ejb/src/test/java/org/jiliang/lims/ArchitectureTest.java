package org.jiliang.lims;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.jiliang.lims.platform.ClockProducer;

/**
 * The "rules that never bend" of docs/architecture.md that concern lims-ejb, as checks the
 * build runs. {@link ArchitectureViolationsTest} shows that each rule reports a violation.
 */
@AnalyzeClasses(packages = "org.jiliang.lims", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Rule 4. The adapters' Camel glue (BenchDeviceComponent) counts as Camel too. */
    @ArchTest
    static final ArchRule CAMEL_ONLY_IN_ACQUISITION = noClasses()
            .that().resideOutsideOfPackage("org.jiliang.lims.acquisition..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.jiliang.instrument.camel..")
            .because("Camel types live only in the acquisition package (architecture rule 4)");

    /** Rule 4: lims-ejb calls the reports API and never JasperReports itself. */
    @ArchTest
    static final ArchRule NO_JASPERREPORTS = noClasses()
            .should().dependOnClassesThat().resideInAPackage("net.sf.jasperreports..")
            .because("JasperReports types appear nowhere in lims-ejb; it calls the reports API (architecture rule 4)");

    @ArchTest
    static final ArchRule REPORTS_API_ONLY_IN_CERTIFICATE = noClasses()
            .that().resideOutsideOfPackages("org.jiliang.lims.certificate..", "org.jiliang.lims.method..")
            .should().dependOnClassesThat().resideInAPackage("org.jiliang.reports..")
            .because("only certificate issuing and the measurement methods' certificate content talk to the "
                    + "reports module (architecture rule 4)");

    /**
     * Issue 10: a new kind of job is a new measurement method beside the others; the workflow (intake, assignment,
     * bench, capture, review, signatures, certificates, audit) works through the MeasurementMethod and
     * CertificateContentWriter interfaces and never names a method. Only the demo data, which builds jobs of
     * each kind, may.
     */
    @ArchTest
    static final ArchRule WORKFLOW_NAMES_NO_CONCRETE_METHOD = noClasses()
            .that().resideOutsideOfPackages("org.jiliang.lims.method..", "org.jiliang.lims.demo..")
            .should().dependOnClassesThat().resideInAPackage("org.jiliang.lims.method..")
            .because("the workflow finds measurement methods by their test plan and never names one (issue 10, "
                    + "docs/adding-a-kind-of-job.md)");

    @ArchTest
    static final ArchRule METROLOGY_IS_PURE_COMPUTATION = classes()
            .that().resideInAPackage("org.jiliang.lims.metrology..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.jiliang.lims.metrology..", "java..")
            .because("metrology is pure computation: no JPA, no container, no other feature (docs/architecture.md)");

    /** Rule 7. {@code LocalDate.now(clock)} is how it is meant to be done, so only the no-argument overloads count. */
    @ArchTest
    static final ArchRule TIME_ONLY_FROM_THE_INJECTED_CLOCK = noClasses()
            .that().doNotBelongToAnyOf(ClockProducer.class)
            .should().callMethodWhere(readsTheSystemClock())
            .because("time comes from an injected java.time.Clock; only ClockProducer decides what now is "
                    + "(architecture rule 7)");

    @ArchTest
    static final ArchRule SIMULATORS_ONLY_IN_DEMO = noClasses()
            .that().resideOutsideOfPackage("org.jiliang.lims.demo..")
            .should().dependOnClassesThat().resideInAPackage("org.jiliang.instrument.simulator..")
            .because("simulators run only when the demo profile starts them explicitly (architecture rule 6)");

    @ArchTest
    static final ArchRule NAMES_ARE_NOUNS_OF_THE_DOMAIN = noClasses()
            .should().haveSimpleNameEndingWith("Manager")
            .orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .because("names say what a thing is in the domain (docs/style.md, Habits)");

    /**
     * Features depend on each other in one direction only, so that each can be read, tested and changed from
     * the bottom up (platform, audit, registry, personnel, … ). Constants the compiler copies into the using
     * class (the role names of {@code @RolesAllowed}) leave no trace in the class files, so this rule cannot
     * see them. The job and its test points, readings and conditions are one package (order): they know each
     * other, as an aggregate does. Measurement methods (method.*) depend on the job, never the reverse.
     */
    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.jiliang.lims.(*)..")
            .should().beFreeOfCycles()
            .because("features depend on each other in one direction only (docs/architecture.md)");

    private static final Set<String> SYSTEM_CLOCKS =
            Set.of("system", "systemUTC", "systemDefaultZone", "tickMillis", "tickSeconds", "tickMinutes");

    static DescribedPredicate<JavaMethodCall> readsTheSystemClock() {
        return DescribedPredicate.describe(
                "read the system clock: now() without a Clock on a java.time class, System.currentTimeMillis() "
                        + "or a Clock.system*() / Clock.tick*() clock",
                call -> {
                    String owner = call.getTargetOwner().getName();
                    String method = call.getName();
                    boolean noArguments = call.getTarget().getRawParameterTypes().isEmpty();
                    return ("now".equals(method) && noArguments && owner.startsWith("java.time."))
                            || ("currentTimeMillis".equals(method) && owner.equals("java.lang.System"))
                            || (owner.equals("java.time.Clock") && SYSTEM_CLOCKS.contains(method));
                });
    }
}
