package com.kingstonexpress.notification.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a failed delivery again: exponential backoff from {@code initial}, doubling per attempt up
 * to {@code max}, with "equal jitter" (a random half of the delay) so that many deliveries failing
 * together (an endpoint that was down) do not come back together. A delivery whose next attempt would
 * fall after its give-up time is parked instead.
 */
public record RetrySchedule(Duration initial, Duration max, Duration giveUpAfter) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("retry schedule needs 0 < initial <= max and a non-negative give-up time");
        }
    }

    /** The delay before attempt {@code attemptsMade + 1}, without jitter. */
    public Duration baseDelay(int attemptsMade) {
        int doublings = Math.max(0, Math.min(attemptsMade - 1, 40));
        long millis = initial.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /**
     * @param attemptsMade attempts so far (at least 1: this is asked after a failure)
     * @param random       uniform in [0, 1), the jitter
     * @return the time of the next attempt, or empty when the delivery is to be parked as failed
     */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant now, Instant giveUpAt, double random) {
        long base = baseDelay(attemptsMade).toMillis();
        long jittered = base / 2 + (long) (random * (base - base / 2));
        Instant next = now.plusMillis(Math.max(1, jittered));
        return next.isAfter(giveUpAt) ? Optional.empty() : Optional.of(next);
    }
}
