package com.kingstonexpress.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.testing.ArchitectureRules;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The shared service shape, plus order-service's own: consumers read events as typed records. */
class ArchitectureTest {

    private static final String BASE = "com.kingstonexpress.order";

    @Test
    void followsTheServiceShape() {
        ArchitectureRules.forService(BASE).verify();
    }

    @Test
    void consumersReadEventDataAsRecordsNotJsonTrees() {
        noClasses().that().resideInAPackage("..events..")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.fasterxml.jackson.databind.JsonNode")
                .as("consumers read event data with EventEnvelope.dataAs(Record.class), not field by field")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE));
    }
}
