package com.kingstonexpress.gateway.edge.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.kingstonexpress.gateway.config.GatewayConfig;
import com.kingstonexpress.gateway.edge.policy.TokenBucket;

/**
 * Token buckets per key (a JWT subject, or the client address of unauthenticated webhooks), in this
 * gateway instance's memory.
 */
@ApplicationScoped
public class RateLimiter {

    /** Above this many remembered principals, buckets that are full again are forgotten. */
    private static final int SWEEP_ABOVE = 10_000;

    @Inject
    GatewayConfig config;

    /** At most one sweep per this interval, so a flood of new keys cannot make every request pay one. */
    private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;

    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweepNanos = new AtomicLong(System.nanoTime());

    /** Takes one token from the principal's bucket (the configured per-principal rate). */
    public TokenBucket.Decision take(String principal) {
        return take(principal, config.rateLimit().requestsPerSecond(), config.rateLimit().burst());
    }

    /** Takes one token from {@code key}'s bucket, created with {@code perSecond} and {@code burst}. */
    public TokenBucket.Decision take(String key, double perSecond, int burst) {
        long now = System.nanoTime();
        long last = lastSweepNanos.get();
        if (buckets.size() > SWEEP_ABOVE && now - last >= SWEEP_EVERY_NANOS && lastSweepNanos.compareAndSet(last, now)) {
            buckets.entrySet().removeIf(e -> e.getValue().isFull(now));
        }
        TokenBucket bucket = buckets.computeIfAbsent(key, p -> new TokenBucket(perSecond, burst, now));
        return bucket.take(now);
    }
}
