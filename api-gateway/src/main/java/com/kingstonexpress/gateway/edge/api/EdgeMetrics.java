package com.kingstonexpress.gateway.edge.api;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.kingstonexpress.gateway.routing.policy.Downstream;
import com.kingstonexpress.platform.metrics.KxMetrics;
import com.kingstonexpress.platform.problem.Problem;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what the gateway answers itself instead of a service, {@code kx_gateway_refusals_total{service, status,
 * reason}}: 413, 429, 503 (busy, unreachable, breaker open), 504 and the edge's 4xx. {@code reason} is the
 * problem's type (rate-limited, payload-too-large, service-unavailable, ...), a short fixed list.
 */
@ApplicationScoped
public class EdgeMetrics {

    @Inject
    MeterRegistry registry;

    public void refused(Downstream service, Problem problem) {
        String type = problem.getType();
        String reason = type == null || "about:blank".equals(type) ? "none" : type.substring(type.lastIndexOf('/') + 1);
        registry.counter(KxMetrics.GATEWAY_REFUSALS, "service", service.serviceName(), "status", Integer.toString(problem.getStatus()),
                "reason", reason.toLowerCase(Locale.ROOT)).increment();
    }
}
