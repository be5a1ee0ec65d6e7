package com.kingstonexpress.gateway.health.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import com.kingstonexpress.gateway.routing.api.Downstreams;
import com.kingstonexpress.gateway.routing.domain.Downstream;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;

/**
 * Readiness includes the services behind the gateway: while one is not ready, the gateway cannot serve
 * all of its API, so it is not ready either. Liveness has no such check: a service being down must never
 * get the gateway restarted (it would not help, and the other services' routes still work).
 */
@Readiness
@ApplicationScoped
public class DownstreamReadiness implements AsyncHealthCheck {

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    Downstreams downstreams;

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Future<Boolean>> checks = new ArrayList<>();
        for (Downstream d : Downstream.values()) {
            checks.add(downstreams.get(d, "/q/health/ready", MultiMap.caseInsensitiveMultiMap(), CHECK_TIMEOUT)
                    .map(Downstreams.Answer::ok)
                    .otherwise(false));
        }
        Future<HealthCheckResponse> response = Future.join(checks).transform(done -> {
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
        return Uni.createFrom().completionStage(response::toCompletionStage);
    }
}
