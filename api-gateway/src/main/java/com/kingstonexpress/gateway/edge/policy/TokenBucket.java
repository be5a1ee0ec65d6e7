package com.kingstonexpress.gateway.edge.policy;

/**
 * One principal's request allowance: {@code burst} requests at once, refilled at {@code perSecond}.
 * Time is passed in (nanoseconds) so the arithmetic is tested without waiting.
 */
public final class TokenBucket {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private long lastRefillNanos;

    public TokenBucket(double perSecond, int burst, long nowNanos) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefillNanos = nowNanos;
    }

    /** Takes one token if there is one; otherwise says how long until there will be. */
    public synchronized Decision take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return Decision.ALLOWED;
        }
        double secondsUntilNext = (1 - tokens) / perSecond;
        return new Decision(false, Math.max(1, (long) Math.ceil(secondsUntilNext)));
    }

    /** Whether the bucket is full again, so a map of buckets can forget it. */
    public synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= burst;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastRefillNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed / 1_000_000_000.0 * perSecond);
            lastRefillNanos = nowNanos;
        }
    }

    /** @param retryAfterSeconds whole seconds for the {@code Retry-After} header when refused */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }
}
