package com.kingstonexpress.gateway.edge.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsTheBurstThenRefillsAtTheRate() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);
        for (int i = 0; i < 3; i++) {
            assertTrue(bucket.take(0).allowed());
        }
        TokenBucket.Decision refused = bucket.take(0);
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
        assertTrue(bucket.take(SECOND / 2).allowed(), "half a second at 2/s is one token");
        assertFalse(bucket.take(SECOND / 2).allowed());
        assertTrue(bucket.isFull(10 * SECOND));
    }

    @Test
    void retryAfterIsWholeSecondsUntilTheNextToken() {
        TokenBucket bucket = new TokenBucket(0.25, 1, 0);
        assertTrue(bucket.take(0).allowed());
        assertEquals(4, bucket.take(0).retryAfterSeconds());
    }

    @ParameterizedTest(name = "burst {0}, {1}/s over {2}s")
    @CsvSource({ "1, 1, 0", "1, 20, 5", "50, 1, 5", "10, 5, 1", "40, 20, 3", "3, 7, 2" })
    void neverAllowsMoreThanBurstPlusRefill(int burst, int perSecond, int seconds) {
        TokenBucket bucket = new TokenBucket(perSecond, burst, 0);
        int allowed = 0;
        int attempts = burst + perSecond * seconds + 10;
        for (int i = 0; i < attempts; i++) {
            long now = seconds * SECOND * i / attempts;
            if (bucket.take(now).allowed()) {
                allowed++;
            }
        }
        assertTrue(allowed <= burst + perSecond * seconds, "allowed " + allowed);
    }
}
