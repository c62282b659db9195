package org.jiliang.lims.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import java.util.HashSet;
import java.util.Set;

/**
 * Architecture rule 3 of docs/architecture.md: lims-web talks only to lims-ejb services; views
 * receive read models and send commands. {@link ArchitectureViolationsTest} shows that each
 * rule reports a violation.
 */
@AnalyzeClasses(packages = "org.jiliang.lims.web", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule NO_PERSISTENCE = noClasses()
            .that().resideInAPackage("org.jiliang.lims.web..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
            .because("the web tier never touches an EntityManager or any JPA type (architecture rule 3)");

    @ArchTest
    static final ArchRule NO_ENTITIES = noClasses()
            .that().resideInAPackage("org.jiliang.lims.web..")
            .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
            .because("views receive read models from lims-ejb services, never entities (architecture rule 3)");

    /**
     * The rule above sees an entity only where a web class names it. A service method that
     * hands one out (e.g. {@code JobService.find}, {@code StandardService.findByCode}) can be
     * called and its result passed on, to JSON or a page, without the entity type ever
     * appearing in the web class; so calls are checked by the signature of what they call.
     */
    @ArchTest
    static final ArchRule NO_ENTITIES_HANDED_OVER = noClasses()
            .that().resideInAPackage("org.jiliang.lims.web..")
            .should().callCodeUnitWhere(handsOverAnEntity())
            .because("views receive read models from lims-ejb services, never entities (architecture rule 3)");

    @ArchTest
    static final ArchRule NO_CAMEL = noClasses()
            .that().resideInAPackage("org.jiliang.lims.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.jiliang.instrument.camel..")
            .because("the web tier never touches Camel (architecture rule 3)");

    @ArchTest
    static final ArchRule NO_JASPERREPORTS = noClasses()
            .that().resideInAPackage("org.jiliang.lims.web..")
            .should().dependOnClassesThat().resideInAPackage("net.sf.jasperreports..")
            .because("the web tier never touches JasperReports (architecture rule 3)");

    @ArchTest
    static final ArchRule NO_REPORTS_API = noClasses()
            .that().resideInAPackage("org.jiliang.lims.web..")
            .should().dependOnClassesThat().resideInAPackage("org.jiliang.reports..")
            .because("certificates come from lims-ejb's certificate service, not from the reports module "
                    + "(architecture rule 3)");

    static DescribedPredicate<JavaCall<?>> handsOverAnEntity() {
        return DescribedPredicate.describe("return or take an entity", call -> {
            Set<JavaClass> involved = new HashSet<>();
            involved.addAll(call.getTarget().getRawParameterTypes());
            involved.add(call.getTarget().getRawReturnType());
            call.getTarget().resolveMember().ifPresent(member -> {
                involved.addAll(member.getReturnType().getAllInvolvedRawTypes());
                member.getParameterTypes().forEach(type -> involved.addAll(type.getAllInvolvedRawTypes()));
            });
            return involved.stream().anyMatch(ArchitectureTest::isEntity);
        });
    }

    /** By the class itself, which lims-ejb puts on the test class path: a type seen only in a signature is not imported. */
    private static boolean isEntity(JavaClass type) {
        JavaClass element = type.isArray() ? type.getBaseComponentType() : type;
        if (element.isPrimitive()) {
            return false;
        }
        try {
            return Class.forName(element.getName(), false, ArchitectureTest.class.getClassLoader())
                    .isAnnotationPresent(Entity.class);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
