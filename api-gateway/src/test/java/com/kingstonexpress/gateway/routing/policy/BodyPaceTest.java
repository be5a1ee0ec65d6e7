package com.kingstonexpress.gateway.routing.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BodyPaceTest {

    private static final long SECOND = 1_000_000_000L;
    private final BodyPace pace = new BodyPace(Duration.ofSeconds(10), Duration.ofSeconds(2), 1000);

    @Test
    void anyPaceIsFineDuringTheGrace() {
        assertEquals(BodyPace.Verdict.ON_TIME, pace.judge(2 * SECOND, 0));
    }

    @Test
    void afterTheGraceTheBodyMustKeepTheMinimumPace() {
        assertEquals(BodyPace.Verdict.ON_TIME, pace.judge(3 * SECOND, 1000));
        assertEquals(BodyPace.Verdict.TOO_SLOW, pace.judge(3 * SECOND, 999));
        assertEquals(BodyPace.Verdict.TOO_SLOW, pace.judge(5 * SECOND, 1));
    }

    @Test
    void noBodyMayTakeLongerThanTheDeadlineHoweverFast() {
        assertEquals(BodyPace.Verdict.PAST_DEADLINE, pace.judge(10 * SECOND, 100_000_000));
    }
}
