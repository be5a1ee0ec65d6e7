package com.kingstonexpress.gateway.health.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import com.kingstonexpress.gateway.config.GatewayConfig;
import com.kingstonexpress.gateway.routing.api.Downstreams;
import com.kingstonexpress.gateway.routing.policy.Downstream;
import com.kingstonexpress.gateway.routing.policy.Lane;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;

/**
 * Readiness includes the services behind the gateway: while one is not ready, the gateway cannot serve
 * all of its API, so it is not ready either. Liveness has no such check: a service being down must never
 * get the gateway restarted (it would not help, and the other services' routes still work).
 *
 * <p>Probes are unauthenticated, so a flood of them must cost the services nothing more than one check
 * per {@code kx.gateway.health.cache-ttl}: concurrent probes share the check in flight, its answer is
 * reused for the TTL, and the checks use their own lane (pool and breakers), never the proxy's.
 */
@Readiness
@ApplicationScoped
public class DownstreamReadiness implements AsyncHealthCheck {

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    Downstreams downstreams;
    @Inject
    GatewayConfig config;

    private Future<HealthCheckResponse> latest;
    private long latestStartedNanos;

    @Override
    public Uni<HealthCheckResponse> call() {
        Future<HealthCheckResponse> shared = shared();
        return Uni.createFrom().completionStage(shared::toCompletionStage);
    }

    private synchronized Future<HealthCheckResponse> shared() {
        long now = System.nanoTime();
        boolean fresh = latest != null && (!latest.isComplete() || now - latestStartedNanos < config.health().cacheTtl().toNanos());
        if (!fresh) {
            latest = check();
            latestStartedNanos = now;
        }
        return latest;
    }

    private Future<HealthCheckResponse> check() {
        List<Future<Boolean>> checks = new ArrayList<>();
        for (Downstream d : Downstream.values()) {
            checks.add(downstreams.get(Lane.PROBE, d, "/q/health/ready", MultiMap.caseInsensitiveMultiMap(), CHECK_TIMEOUT)
                    .map(Downstreams.Answer::ok)
                    .otherwise(false));
        }
        return Future.join(checks).transform(done -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("downstream services").up();
            for (int i = 0; i < checks.size(); i++) {
                boolean up = checks.get(i).result();
                builder.withData(Downstream.values()[i].serviceName(), up ? "UP" : "DOWN");
                if (!up) {
                    builder.down();
                }
            }
            return Future.succeededFuture(builder.build());
        });
    }
}
