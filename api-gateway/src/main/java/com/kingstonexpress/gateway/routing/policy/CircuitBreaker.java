package com.kingstonexpress.gateway.routing.policy;

import java.time.Duration;

/**
 * A per-service breaker: after {@code failureThreshold} consecutive transport failures (refused
 * connection, timeout) the service is considered down for {@code openFor}, and callers get an immediate
 * 503 instead of waiting on it. After that one trial request is let through; its outcome closes or
 * re-opens the breaker. Time is passed in (nanoseconds) so it is tested without waiting.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openForNanos;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAtNanos;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failure threshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
    }

    /** Whether a request may go to the service now. */
    public synchronized boolean allowRequest(long nowNanos) {
        if (state == State.OPEN && nowNanos - openedAtNanos >= openForNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void recordSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    /**
     * The attempt says nothing about the service (the client left, the gateway shed the request before it
     * was sent): a trial request in flight is given back, and nothing is counted.
     */
    public synchronized void recordNeither() {
        trialInFlight = false;
    }

    /** Whether requests are being refused now, without taking the trial slot (to refuse before reading a body). */
    public synchronized boolean isOpen(long nowNanos) {
        return state == State.OPEN && nowNanos - openedAtNanos < openForNanos;
    }

    public synchronized void recordFailure(long nowNanos) {
        consecutiveFailures++;
        trialInFlight = false;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAtNanos = nowNanos;
        }
    }

    /** Whole seconds until a trial request will be let through (for {@code Retry-After}); 0 if not open. */
    public synchronized long secondsUntilTrial(long nowNanos) {
        if (state != State.OPEN) {
            return 0;
        }
        long remaining = openForNanos - (nowNanos - openedAtNanos);
        return Math.max(1, (long) Math.ceil(remaining / 1_000_000_000.0));
    }

    public synchronized State state() {
        return state;
    }
}
