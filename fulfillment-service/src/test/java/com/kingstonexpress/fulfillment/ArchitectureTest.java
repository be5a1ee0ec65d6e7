package com.kingstonexpress.fulfillment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Domain rules stay plain Java, testable without Quarkus; storage never depends on the REST layer. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.kingstonexpress.fulfillment");

    @Test
    void domainPackagesAreFreeOfFrameworks() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.persistence..", "jakarta.ws.rs..",
                        "org.hibernate..", "com.fasterxml.jackson..", "jakarta.transaction..", "jakarta.enterprise..",
                        "com.kingstonexpress.platform..", "io.smallrye..", "org.eclipse.microprofile..")
                .check(CLASSES);
    }

    @Test
    void domainDependsOnlyOnTheJdkAndOtherDomainClasses() {
        classes().that().resideInAPackage("..domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("..domain..", "java..")
                .check(CLASSES);
    }

    @Test
    void entitiesStayInPersistence() {
        classes().that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .should().resideInAPackage("..persistence..")
                .check(CLASSES);
    }

    @Test
    void storageKnowsNoResources() {
        noClasses().that().resideInAPackage("..persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("..api..")
                .check(CLASSES);
    }
}
