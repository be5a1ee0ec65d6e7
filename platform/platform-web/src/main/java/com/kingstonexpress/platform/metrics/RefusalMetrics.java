package com.kingstonexpress.platform.metrics;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.kingstonexpress.platform.problem.ProblemMappers;
import com.kingstonexpress.platform.problem.RuleRefusalException;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where a business rule's refusal becomes a 409 problem, for every service: counts it by rule id
 * ({@code kx_guard_refusals_total{rule}}) and answers as {@link ProblemMappers} does. More specific than the
 * {@code ProblemException} mapper, so it runs for refusals only.
 */
public class RefusalMetrics {

    @Inject
    MeterRegistry registry;

    @ServerExceptionMapper
    public Response refused(RuleRefusalException e, UriInfo uri) {
        Object rule = e.problem().getExtensions().get("ruleId");
        registry.counter(KxMetrics.GUARD_REFUSALS, "rule", rule == null ? "unknown" : rule.toString()).increment();
        return ProblemMappers.respond(e.problem(), uri);
    }
}
