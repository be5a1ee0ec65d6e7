package com.kingstonexpress.messaging.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Domain rules (the reply checker, escalation detection, slowdown scope) are plain Java. */
class DomainPurityTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.kingstonexpress.messaging");

    @Test
    void domainIsFrameworkFree() {
        noClasses().that().resideInAPackage("..domain..").should().dependOnClassesThat()
                .resideInAnyPackage("io.quarkus..", "jakarta.persistence..", "jakarta.ws.rs..", "org.hibernate..", "jakarta.enterprise..",
                        "jakarta.inject..", "jakarta.transaction..", "com.fasterxml.jackson..", "org.eclipse.microprofile..", "io.smallrye..",
                        "com.kingstonexpress.platform..")
                .check(CLASSES);
    }

    @Test
    void domainDoesNotReachOutward() {
        noClasses().that().resideInAPackage("..domain..").should().dependOnClassesThat()
                .resideInAnyPackage("..api..", "..persistence..", "..events..")
                .check(CLASSES);
    }

    @Test
    void onlyTheApiSpeaksHttp() {
        noClasses().that().resideInAnyPackage("..persistence..", "..events..").should().dependOnClassesThat()
                .resideInAnyPackage("..api..", "jakarta.ws.rs..")
                .check(CLASSES);
    }
}
