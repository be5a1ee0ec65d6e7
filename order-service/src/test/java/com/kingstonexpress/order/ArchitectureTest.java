package com.kingstonexpress.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The rules live in plain Java: no framework, persistence or web types in any {@code domain} package. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.kingstonexpress.order");

    @Test
    void domainPackagesAreFreeOfFrameworks() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.persistence..", "jakarta.ws.rs..",
                        "org.hibernate..", "com.fasterxml.jackson..", "jakarta.enterprise..", "jakarta.transaction..",
                        "io.smallrye..", "org.eclipse.microprofile..", "com.kingstonexpress.platform..")
                .check(CLASSES);
    }

    @Test
    void domainDependsOnlyOnTheJdkAndOtherDomainPackages() {
        classes().that().resideInAPackage("..domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("..domain..", "java..")
                .check(CLASSES);
    }

    @Test
    void jpaEntitiesStayInPersistence() {
        classes().that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .should().resideInAPackage("..persistence..")
                .check(CLASSES);
    }
}
