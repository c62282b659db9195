package org.jiliang.lims.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;

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
}
