package com.kingstonexpress.gateway.health.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import com.kingstonexpress.gateway.config.GatewayConfig;
import com.kingstonexpress.gateway.routing.api.Downstreams;
import com.kingstonexpress.gateway.routing.policy.Downstream;
import com.kingstonexpress.gateway.routing.policy.Lane;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;

/**
 * The services behind the gateway, as the health group {@code downstreams} ({@code /q/health/group/downstreams}):
 * each service's readiness, for operators and the local stack. It is deliberately not the gateway's own
 * readiness or liveness: one service not ready must not take the gateway out of its load balancer (every other
 * service's routes still work, and that service's routes answer a problem+json 503), nor get it restarted.
 *
 * <p>Probes are unauthenticated, so a flood of them must cost the services nothing more than one check
 * per {@code kx.gateway.health.cache-ttl}: concurrent probes share the check in flight, its answer is
 * reused for the TTL, and the checks use their own lane (pool and breakers), never the proxy's.
 */
@HealthGroup(DownstreamReadiness.GROUP)
@ApplicationScoped
public class DownstreamReadiness implements AsyncHealthCheck {

    /** {@code /q/health/group/downstreams}. */
    public static final String GROUP = "downstreams";
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
