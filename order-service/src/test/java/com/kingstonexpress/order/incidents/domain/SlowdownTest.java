package com.kingstonexpress.order.incidents.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SlowdownTest {

    private static final Instant START = Instant.parse("2026-03-10T00:00:00Z");
    private static final Instant END = Instant.parse("2026-03-12T00:00:00Z");
    private static final Slowdown STORM = new Slowdown("i1", Set.of("Greater London", "IE"), Set.of("royal-parcel"), START, END, null);

    @Test
    void coversByRegionCountryOrCarrierWithinItsWindow() {
        Instant during = START.plusSeconds(3600);
        assertTrue(STORM.covers("greater london", "GB", null, during));
        assertTrue(STORM.covers("Leinster", "IE", null, during));
        assertTrue(STORM.covers("Kent", "GB", "royal-parcel", during));
        assertFalse(STORM.covers("Kent", "GB", "other-carrier", during));
    }

    @Test
    void windowIsStartInclusiveEndExclusiveAndResolutionEndsIt() {
        assertTrue(STORM.isActiveAt(START));
        assertFalse(STORM.isActiveAt(END));
        assertFalse(STORM.isActiveAt(START.minusSeconds(1)));
        Slowdown resolved = new Slowdown("i1", Set.of("IE"), Set.of(), START, null, START.plusSeconds(10));
        assertFalse(resolved.isActiveAt(START.plusSeconds(60)));
        assertTrue(new Slowdown("i2", Set.of("IE"), Set.of(), START, null, null).isActiveAt(END.plusSeconds(86_400)));
    }
}
