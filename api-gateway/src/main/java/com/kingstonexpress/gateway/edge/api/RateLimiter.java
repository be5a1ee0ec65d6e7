package com.kingstonexpress.gateway.edge.api;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.kingstonexpress.gateway.config.GatewayConfig;
import com.kingstonexpress.gateway.edge.domain.TokenBucket;

/** Per-principal token buckets (JWT subject, or the webhook sender), in this gateway instance's memory. */
@ApplicationScoped
public class RateLimiter {

    /** Above this many remembered principals, buckets that are full again are forgotten. */
    private static final int SWEEP_ABOVE = 10_000;

    @Inject
    GatewayConfig config;

    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public TokenBucket.Decision take(String principal) {
        long now = System.nanoTime();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.entrySet().removeIf(e -> e.getValue().isFull(now));
        }
        TokenBucket bucket = buckets.computeIfAbsent(principal,
                p -> new TokenBucket(config.rateLimit().requestsPerSecond(), config.rateLimit().burst(), now));
        return bucket.take(now);
    }
}
