package com.kingstonexpress.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kingstonexpress.notification.delivery.domain.RetrySchedule;

class RetryScheduleTest {

    private static final RetrySchedule PRODUCTION = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofDays(1));
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @ParameterizedTest
    @CsvSource({ "1, 10", "2, 20", "3, 40", "4, 80", "9, 2560", "10, 3600", "30, 3600", "1000, 3600" })
    void doublesUpToTheCap(int attemptsMade, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), PRODUCTION.baseDelay(attemptsMade));
    }

    @ParameterizedTest
    @CsvSource({ "0.0", "0.25", "0.5", "0.999999" })
    void jitterKeepsBetweenHalfAndAllOfTheDelay(double random) {
        Instant next = PRODUCTION.nextAttempt(3, NOW, NOW.plus(Duration.ofDays(1)), random).orElseThrow();
        Duration delay = Duration.between(NOW, next);
        assertTrue(delay.compareTo(Duration.ofSeconds(20)) >= 0 && delay.compareTo(Duration.ofSeconds(40)) <= 0, delay.toString());
    }

    @Test
    void differentRandomDrawsSpreadTheRetries() {
        Instant a = PRODUCTION.nextAttempt(5, NOW, NOW.plus(Duration.ofDays(1)), 0.1).orElseThrow();
        Instant b = PRODUCTION.nextAttempt(5, NOW, NOW.plus(Duration.ofDays(1)), 0.9).orElseThrow();
        assertTrue(b.isAfter(a));
    }

    @Test
    void parksWhenTheNextAttemptWouldFallAfterTheGiveUpTime() {
        Instant giveUp = NOW.plusSeconds(30);
        assertTrue(PRODUCTION.nextAttempt(1, NOW, giveUp, 0.5).isPresent());
        assertEquals(Optional.empty(), PRODUCTION.nextAttempt(3, NOW, giveUp, 0.6));
        assertEquals(Optional.empty(), PRODUCTION.nextAttempt(1, giveUp, giveUp, 0.0));
    }

    @Test
    void aDayOfRetriesIsAboutFortyAttempts() {
        Instant start = NOW;
        Instant giveUp = start.plus(Duration.ofDays(1));
        Instant t = start;
        int attempts = 1;
        for (Optional<Instant> next = PRODUCTION.nextAttempt(attempts, t, giveUp, 0.5); next.isPresent();
                next = PRODUCTION.nextAttempt(attempts, t, giveUp, 0.5)) {
            t = next.get();
            attempts++;
        }
        // 10 s doubling to the 1 h cap takes about 1.4 h (9 attempts); the rest of the day at 0.5-1 h apart.
        assertTrue(attempts >= 30 && attempts <= 50, "attempts in a day: " + attempts);
    }

    @Test
    void refusesANonsenseSchedule() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofDays(1)));
    }
}
