package com.kingstonexpress.gateway.routing.policy;

import java.time.Duration;

/**
 * How long a client may take to send its request body: all of it within {@code deadline}, and, after a
 * short {@code grace}, at least {@code minBytesPerSecond} on average. A client that trickles its body
 * (or never sends it) is answered 408 and holds nothing longer. Times are passed in (nanoseconds).
 */
public final class BodyPace {

    public enum Verdict { ON_TIME, TOO_SLOW, PAST_DEADLINE }

    private final long deadlineNanos;
    private final long graceNanos;
    private final long minBytesPerSecond;

    public BodyPace(Duration deadline, Duration grace, long minBytesPerSecond) {
        this.deadlineNanos = deadline.toNanos();
        this.graceNanos = grace.toNanos();
        this.minBytesPerSecond = Math.max(0, minBytesPerSecond);
    }

    /** Judges a body still arriving, {@code elapsedNanos} after the request arrived with {@code received} bytes so far. */
    public Verdict judge(long elapsedNanos, long received) {
        if (elapsedNanos >= deadlineNanos) {
            return Verdict.PAST_DEADLINE;
        }
        if (elapsedNanos > graceNanos) {
            double required = minBytesPerSecond * ((elapsedNanos - graceNanos) / 1_000_000_000.0);
            if (received < required) {
                return Verdict.TOO_SLOW;
            }
        }
        return Verdict.ON_TIME;
    }
}
