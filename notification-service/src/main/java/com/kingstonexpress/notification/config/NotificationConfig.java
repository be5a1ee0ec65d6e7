package com.kingstonexpress.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything this service can be told, under {@code kx.notifications} (README, Configuration). */
@ConfigMapping(prefix = "kx.notifications")
public interface NotificationConfig {

    /** http to localhost/127.0.0.1 allowed (dev and test profiles only); otherwise https to public hosts. */
    @WithDefault("false")
    boolean allowInsecureLocalhost();

    @WithDefault("20")
    int maxSubscriptionsPerSeller();

    Retry retry();

    Delivery delivery();

    Stream stream();

    interface Retry {
        @WithDefault("PT10S")
        Duration initial();

        @WithDefault("PT1H")
        Duration max();

        /** How long after an event its delivery is still retried before it is parked as failed. */
        @WithDefault("P1D")
        Duration giveUpAfter();
    }

    interface Delivery {
        @WithDefault("true")
        boolean enabled();

        /** Whole-request budget of one attempt (connect, send, response). */
        @WithDefault("PT10S")
        Duration timeout();

        @WithDefault("PT5S")
        Duration connectTimeout();

        /** Attempts in flight to one subscription at once: a slow endpoint holds at most this many. */
        @WithDefault("4")
        int perEndpointConcurrency();

        /** Attempts in flight in total. */
        @WithDefault("256")
        int maxInFlight();

        /** How often due retries are looked for (new events wake the dispatcher at once). */
        @WithDefault("PT0.2S")
        Duration pollInterval();
    }

    interface Stream {
        /** A comment line this often keeps idle streams (and the gateway's idle timeout) open. */
        @WithDefault("PT10S")
        Duration heartbeat();

        @WithDefault("PT0.25S")
        Duration pollInterval();
    }
}
