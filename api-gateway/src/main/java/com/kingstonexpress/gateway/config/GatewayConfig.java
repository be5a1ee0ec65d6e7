package com.kingstonexpress.gateway.config;

import java.time.Duration;
import java.util.Optional;

import com.kingstonexpress.gateway.routing.policy.Downstream;

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

    /**
     * The public base URL clients reach the gateway on (e.g. {@code https://api.kingstonexpress.example}).
     * A service's absolute {@code Location} is rewritten onto it; when unset, {@code Location} is made
     * relative. Never taken from the client's {@code Host}.
     */
    Optional<String> publicUrl();

    Limits limits();

    Webhooks webhooks();

    Pools pools();

    Health health();

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
        /**
         * Base URL, e.g. {@code http://127.0.0.1:8081}; several instances of the service comma-separated, e.g.
         * {@code http://127.0.0.1:8081,http://127.0.0.1:8091} (taken in turn, one that refuses connections skipped).
         */
        String url();

        /** How long a request may wait for the service's response (and for each chunk of it). */
        @WithDefault("15s")
        Duration timeout();

        /** TCP connect timeout; a connect that times out counts as the service's failure. */
        @WithDefault("2s")
        Duration connectTimeout();
    }

    interface RateLimit {
        @WithDefault("50")
        double requestsPerSecond();

        @WithDefault("100")
        int burst();
    }

    /** What one client may hold at the edge (README, Edge limits). */
    interface Limits {
        /** The whole request body must have arrived within this time from the request's arrival. */
        @WithDefault("15s")
        Duration bodyDeadline();

        /** After {@link #bodyGrace()}, a body must arrive at least this fast on average (bytes per second). */
        @WithDefault("1024")
        long bodyMinBytesPerSecond();

        @WithDefault("2s")
        Duration bodyGrace();

        /** Requests of one client address in progress at once at the edge (reading, proxied, answering). */
        @WithDefault("64")
        int maxInFlightPerAddress();

        /** Requests of one principal (JWT subject) in progress at once. */
        @WithDefault("32")
        int maxInFlightPerPrincipal();
    }

    /** The unauthenticated webhook class: limited per client address, with a cap for the whole class. */
    interface Webhooks {
        @WithDefault("50")
        double requestsPerSecondPerAddress();

        @WithDefault("100")
        int burstPerAddress();

        /** Webhook requests in progress at once, all senders together. */
        @WithDefault("32")
        int maxInFlight();

        /**
         * Webhook requests of one client address in progress at once: well below {@link #maxInFlight()}, so one
         * address holding slow bodies cannot take every webhook slot from the real senders.
         */
        @WithDefault("4")
        int maxInFlightPerAddress();
    }

    /**
     * Connections per service for each kind of traffic, so one kind cannot starve another: proxied
     * authenticated traffic, unauthenticated webhooks, the dashboard, readiness probes and the OpenAPI
     * documents each have their own pool and their own breaker.
     */
    interface Pools {
        @WithDefault("64")
        int proxy();

        @WithDefault("16")
        int webhook();

        @WithDefault("16")
        int dashboard();

        @WithDefault("4")
        int probe();

        @WithDefault("4")
        int documents();

        /** How long a request may wait for a free pooled connection before it is shed (503, not a service failure). */
        @WithDefault("2s")
        Duration acquireTimeout();
    }

    interface Health {
        /** How long one downstream readiness answer is reused; concurrent probes share one check. */
        @WithDefault("1s")
        Duration cacheTtl();
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
