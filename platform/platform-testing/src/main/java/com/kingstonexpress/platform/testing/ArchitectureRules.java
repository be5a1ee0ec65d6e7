package com.kingstonexpress.platform.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

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
 *
 * <p>The gateway holds no business rules and no data; it has two roles, {@code api} (its Vert.x routes) and
 * {@code policy} (routing tables, limits and breakers as plain Java), see {@link #forGateway}.
 */
public final class ArchitectureRules {

    public static final String[] ROLES = { "..api..", "..application..", "..domain..", "..persistence..", "..events..",
            "..config.." };
    private static final String PROBLEM = "com.kingstonexpress.platform.problem.Problem";
    private static final String[] FRAMEWORKS = { "io.quarkus..", "jakarta..", "org.hibernate..", "com.fasterxml.jackson..",
            "io.smallrye..", "org.eclipse.microprofile..", "io.vertx..", "org.jboss..", "com.kingstonexpress.platform.." };

    private final String basePackage;
    private final boolean gateway;
    private final List<String> domainLibraries = new ArrayList<>();

    private ArchitectureRules(String basePackage, boolean gateway) {
        this.basePackage = basePackage;
        this.gateway = gateway;
    }

    /** The rules for a service rooted at {@code basePackage}, e.g. {@code com.kingstonexpress.order}. */
    public static ArchitectureRules forService(String basePackage) {
        return new ArchitectureRules(basePackage, false);
    }

    /** The rules for the gateway: roles {@code api}, {@code policy} (plain Java) and {@code config}. */
    public static ArchitectureRules forGateway(String basePackage) {
        return new ArchitectureRules(basePackage, true);
    }

    /**
     * A plain library (no framework) the domain (the gateway: policy) may use, e.g. a language toolkit:
     * {@code "opennlp.."}.
     */
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
        return gateway ? gatewayRules() : serviceRules();
    }

    private List<ArchRule> gatewayRules() {
        List<String> policyMayDependOn = new ArrayList<>(List.of("java..", "..policy.."));
        policyMayDependOn.addAll(domainLibraries);
        return List.of(
                classes().should().resideInAnyPackage("..api..", "..policy..", "..config..")
                        .as("every gateway class has one of the roles api, policy, config"),
                classes().that().resideInAPackage("..policy..")
                        .should().onlyDependOnClassesThat().resideInAnyPackage(policyMayDependOn.toArray(String[]::new))
                        .as("policy is plain Java, unit-tested without Quarkus or Vert.x"),
                noProblemBuiltOutsidePlatform(),
                noOtherServiceImported());
    }

    private List<ArchRule> serviceRules() {
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
                        .should().dependOnClassesThat().resideInAnyPackage(basePackage + "..api..", "jakarta.ws.rs..")
                        .as("only api speaks HTTP: application, persistence and events do not import api or JAX-RS"),
                noProblemBuiltOutsidePlatform(),
                classes().that().areAnnotatedWith("jakarta.persistence.Entity")
                        .should().resideInAPackage("..persistence..")
                        .allowEmptyShould(true)
                        .as("entities stay in persistence"),
                noBatchSizeOfItsOwn(),
                noOtherServiceImported());
    }

    /**
     * Batch fetching is sized once per service ({@code quarkus.hibernate-orm.fetch.batch-size}). Hibernate 7 caches a
     * collection's loader only when the collection's batch size is the session's: one {@code @BatchSize} of its own
     * makes it build a new loader (SQL AST and all) at every load of that collection: 13% of order-service's CPU
     * samples while it served GETs.
     */
    private static ArchRule noBatchSizeOfItsOwn() {
        return noFields().should().beAnnotatedWith("org.hibernate.annotations.BatchSize")
                .allowEmptyShould(true)
                .as("no @BatchSize on a collection: batch fetching is sized once, by quarkus.hibernate-orm.fetch.batch-size");
    }

    private static ArchRule noProblemBuiltOutsidePlatform() {
        return noClasses().should().callConstructor(PROBLEM, "int", "java.lang.String", "java.lang.String", "java.lang.String")
                .as("only platform-web builds a Problem; services use ProblemException's and Problems' named factories");
    }

    private ArchRule noOtherServiceImported() {
        return noClasses().should().dependOnClassesThat(resideInAPackage("com.kingstonexpress..")
                        .and(not(resideInAnyPackage(basePackage + "..", "com.kingstonexpress.platform.."))))
                .as("no service imports another service's code");
    }
}
