package com.kingstonexpress.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void aVerifiedTokenIsKnownUntilItExpiresAndNotAMomentLonger() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(100);
        tokens.remember("token-a", "verified-a", NOW.plusSeconds(60), NOW, null);

        assertEquals(Optional.of("verified-a"), tokens.find("token-a", NOW.plusSeconds(59)));
        assertEquals(Optional.empty(), tokens.find("token-a", NOW.plusSeconds(60)));
        assertEquals(Optional.empty(), tokens.find("token-a", NOW), "an expired entry is dropped, not revived");
    }

    @Test
    void theMaximumTokenAgeEndsItEarlierThanItsExpiry() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(100);
        tokens.remember("token-a", "verified-a", NOW.plusSeconds(7200), NOW.minusSeconds(3500), 3600L);

        assertTrue(tokens.find("token-a", NOW.plusSeconds(99)).isPresent());
        assertEquals(Optional.empty(), tokens.find("token-a", NOW.plusSeconds(100)));
    }

    @Test
    void onlyTheExactTokenMatches() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(100);
        tokens.remember("token-a", "verified-a", NOW.plusSeconds(60), NOW, null);

        assertEquals(Optional.empty(), tokens.find("token-b", NOW));
        assertEquals(Optional.empty(), tokens.find("token-a ", NOW));
    }

    @Test
    void theCacheStaysWithinItsBound() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(50);
        for (int i = 0; i < 1_000; i++) {
            tokens.remember("token-" + i, "v" + i, NOW.plusSeconds(60), NOW, null);
        }
        assertTrue(tokens.size() <= 50, "size " + tokens.size());
    }
}
