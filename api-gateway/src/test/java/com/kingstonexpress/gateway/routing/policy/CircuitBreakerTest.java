package com.kingstonexpress.gateway.routing.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void opensAfterConsecutiveFailuresAndLetsOneTrialThroughLater() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10));
        breaker.recordFailure(0);
        breaker.recordFailure(0);
        assertTrue(breaker.allowRequest(0), "two failures are not yet an outage");
        breaker.recordFailure(0);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.allowRequest(5 * SECOND));
        assertEquals(5, breaker.secondsUntilTrial(5 * SECOND));

        assertTrue(breaker.allowRequest(10 * SECOND), "the trial request");
        assertFalse(breaker.allowRequest(10 * SECOND), "only one trial at a time");
        breaker.recordSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.allowRequest(10 * SECOND));
    }

    @Test
    void aFailedTrialReopensForAnotherPeriod() {
        CircuitBreaker breaker = new CircuitBreaker(1, Duration.ofSeconds(2));
        breaker.recordFailure(0);
        assertTrue(breaker.allowRequest(2 * SECOND));
        breaker.recordFailure(2 * SECOND);
        assertFalse(breaker.allowRequest(3 * SECOND));
        assertTrue(breaker.allowRequest(4 * SECOND));
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(2));
        breaker.recordFailure(0);
        breaker.recordSuccess();
        breaker.recordFailure(0);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertEquals(0, breaker.secondsUntilTrial(0));
    }

    @Test
    void anAttemptThatSaysNothingAboutTheServiceGivesTheTrialBack() {
        CircuitBreaker breaker = new CircuitBreaker(1, Duration.ofSeconds(2));
        breaker.recordFailure(0);
        assertTrue(breaker.isOpen(SECOND));
        assertFalse(breaker.isOpen(2 * SECOND), "peeking does not take the trial");
        assertTrue(breaker.allowRequest(2 * SECOND));
        assertFalse(breaker.allowRequest(2 * SECOND));
        breaker.recordNeither();
        assertTrue(breaker.allowRequest(2 * SECOND), "the client left: the next request is the trial");
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
    }
}
