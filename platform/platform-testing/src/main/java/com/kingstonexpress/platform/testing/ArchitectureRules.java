package com.kingstonexpress.platform.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The architecture every service follows, written once. Code is arranged feature first, then role:
 * <ul>
 * <li>{@code domain}: the rules, plain Java only;</li>
 * <li>{@code application}: the use cases, one class per verb; knows nothing of HTTP;</li>
 * <li>{@code api}: resources, request and view DTOs; maps DTOs to commands and results to views;</li>
 * <li>{@code persistence}: entities and queries; {@code events}: consumers and event records;</li>
 * <li>{@code config}: configuration mappings.</li>
 * </ul>
 * Only platform-web builds a problem answer, and no service imports another's code.
 */
public final class ArchitectureRules {

    public static final String[] ROLES = { "..api..", "..application..", "..domain..", "..persistence..", "..events..",
            "..config.." };
    private static final String PROBLEM = "com.kingstonexpress.platform.problem.Problem";
    private static final String[] FRAMEWORKS = { "io.quarkus..", "jakarta..", "org.hibernate..", "com.fasterxml.jackson..",
            "io.smallrye..", "org.eclipse.microprofile..", "io.vertx..", "org.jboss..", "com.kingstonexpress.platform.." };

    private final String basePackage;
    private final List<String> domainLibraries = new ArrayList<>();

    private ArchitectureRules(String basePackage) {
        this.basePackage = basePackage;
    }

    /** The rules for a service rooted at {@code basePackage}, e.g. {@code com.kingstonexpress.order}. */
    public static ArchitectureRules forService(String basePackage) {
        return new ArchitectureRules(basePackage);
    }

    /** A plain library (no framework) the domain may use, e.g. a language toolkit: {@code "opennlp.."}. */
    public ArchitectureRules domainMayUse(String packagePattern) {
        domainLibraries.add(packagePattern);
        return this;
    }

    public void verify() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        CompositeArchRule.of(rules()).check(classes);
    }

    List<ArchRule> rules() {
        List<String> domainMayDependOn = new ArrayList<>(List.of("java..", "..domain.."));
        domainMayDependOn.addAll(domainLibraries);
        return List.of(
                classes().should().resideInAnyPackage(ROLES)
                        .as("every class has one of the roles api, application, domain, persistence, events, config"),
                classes().that().resideInAPackage("..domain..")
                        .should().onlyDependOnClassesThat().resideInAnyPackage(domainMayDependOn.toArray(String[]::new))
                        .as("domain is plain Java and knows no other role"),
                noClasses().that().resideInAPackage("..domain..")
                        .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                        .as("domain imports no framework"),
                noClasses().that().resideInAnyPackage("..application..", "..persistence..", "..events..", "..domain..")
                        .should().dependOnClassesThat().resideInAnyPackage("..api..", "jakarta.ws.rs..")
                        .as("only api speaks HTTP: application, persistence and events do not import api or JAX-RS"),
                noClasses().should().callConstructor(PROBLEM, "int", "java.lang.String", "java.lang.String", "java.lang.String")
                        .as("only platform-web builds a Problem; services throw ProblemException's named factories"),
                classes().that().areAnnotatedWith("jakarta.persistence.Entity")
                        .should().resideInAPackage("..persistence..")
                        .as("entities stay in persistence"),
                noClasses().should().dependOnClassesThat(resideInAPackage("com.kingstonexpress..")
                        .and(not(resideInAnyPackage(basePackage + "..", "com.kingstonexpress.platform.."))))
                        .as("no service imports another service's code"));
    }
}
