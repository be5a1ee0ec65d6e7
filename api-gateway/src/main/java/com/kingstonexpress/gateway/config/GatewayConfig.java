package com.kingstonexpress.gateway.config;

import java.time.Duration;

import com.kingstonexpress.gateway.routing.domain.Downstream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the gateway can be told, under {@code kx.gateway} (README, Configuration). */
@ConfigMapping(prefix = "kx.gateway")
public interface GatewayConfig {

    Services services();

    RateLimit rateLimit();

    /** Largest request body passed on; anything bigger is refused with 413 before a service sees it. */
    @WithDefault("1048576")
    long maxBodyBytes();

    Breaker breaker();

    Dashboard dashboard();

    OpenApi openapi();

    interface Services {
        Service order();

        Service fulfillment();

        Service messaging();

        Service support();

        Service notification();

        default Service of(Downstream downstream) {
            return switch (downstream) {
                case ORDER -> order();
                case FULFILLMENT -> fulfillment();
                case MESSAGING -> messaging();
                case SUPPORT -> support();
                case NOTIFICATION -> notification();
            };
        }
    }

    interface Service {
        /** Base URL, e.g. {@code http://127.0.0.1:8081}. */
        String url();

        /** How long a request may wait for the service's response (and for each chunk of it). */
        @WithDefault("15s")
        Duration timeout();

        @WithDefault("2s")
        Duration connectTimeout();
    }

    interface RateLimit {
        @WithDefault("50")
        double requestsPerSecond();

        @WithDefault("100")
        int burst();
    }

    interface Breaker {
        /** Consecutive transport failures (refused, timed out) that open a service's breaker. */
        @WithDefault("5")
        int failureThreshold();

        @WithDefault("10s")
        Duration openFor();
    }

    interface Dashboard {
        /** Per-call budget of the dashboard's parallel calls; a slower section is shown as unavailable. */
        @WithDefault("3s")
        Duration timeout();
    }

    interface OpenApi {
        /** How long a service's fetched OpenAPI document is reused. */
        @WithDefault("30s")
        Duration cacheTtl();

        @WithDefault("3s")
        Duration fetchTimeout();
    }
}
