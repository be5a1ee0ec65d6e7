package com.kingstonexpress.notification.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Domain rules are plain Java: no framework, persistence, web or JSON types. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.kingstonexpress.notification");

    @Test
    void domainIsPlainJava() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.hibernate..",
                        "com.fasterxml.jackson..", "org.eclipse.microprofile..", "io.smallrye..", "io.vertx..",
                        "com.kingstonexpress.platform..")
                .check(CLASSES);
    }

    @Test
    void domainKnowsNoOtherRole() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("com.kingstonexpress.notification..api..", "..events..", "..persistence..", "..service..")
                .check(CLASSES);
    }

    @Test
    void onlyTheApiSpeaksHttpToClients() {
        noClasses().that().resideInAnyPackage("..persistence..", "..events..", "..service..")
                .should().dependOnClassesThat().resideInAnyPackage("com.kingstonexpress.notification..api..", "jakarta.ws.rs..")
                .check(CLASSES);
    }
}
