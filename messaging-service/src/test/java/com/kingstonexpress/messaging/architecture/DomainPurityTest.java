package com.kingstonexpress.messaging.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Domain rules are plain Java: no framework, persistence, web or JSON types. */
@AnalyzeClasses(packages = "com.kingstonexpress.messaging", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    @ArchTest
    static final ArchRule domainIsFrameworkFree = noClasses().that().resideInAPackage("..domain..").should().dependOnClassesThat()
            .resideInAnyPackage("io.quarkus..", "jakarta.persistence..", "jakarta.ws.rs..", "org.hibernate..", "jakarta.enterprise..",
                    "jakarta.transaction..", "com.fasterxml.jackson..", "org.eclipse.microprofile..", "io.smallrye..");

    @ArchTest
    static final ArchRule domainDoesNotReachOutward = noClasses().that().resideInAPackage("..domain..").should().dependOnClassesThat()
            .resideInAnyPackage("..api..", "..persistence..", "..events..");
}
