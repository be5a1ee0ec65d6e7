package com.kingstonexpress.support.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Domain rules are plain Java: no framework, persistence, web or JSON types. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.kingstonexpress.support");

    @Test
    void domainIsPlainJava() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.persistence..", "jakarta.ws.rs..",
                        "org.hibernate..", "jakarta.transaction..", "jakarta.enterprise..", "jakarta.inject..",
                        "com.fasterxml.jackson..", "org.eclipse.microprofile..", "io.smallrye..", "com.kingstonexpress.platform..")
                .check(CLASSES);
    }

    @Test
    void domainKnowsNoOtherRole() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..api..", "..events..", "..persistence..", "..service..")
                .check(CLASSES);
    }

    @Test
    void onlyTheApiSpeaksHttp() {
        noClasses().that().resideInAnyPackage("..persistence..", "..events..", "..service..")
                .should().dependOnClassesThat().resideInAnyPackage("..api..", "jakarta.ws.rs..")
                .check(CLASSES);
    }
}
