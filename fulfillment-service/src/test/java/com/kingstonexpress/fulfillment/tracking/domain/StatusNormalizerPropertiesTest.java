package com.kingstonexpress.fulfillment.tracking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * "Events arrive duplicated, late and out of order": whatever the arrival order, the same set of events gives
 * the same shipment state, the status never moves backwards, and each event is reported at most once.
 */
class StatusNormalizerPropertiesTest {

    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    @Property(tries = 300)
    void arrivalOrderAndDuplicatesDoNotChangeTheOutcome(@ForAll("journeys") List<TrackingUpdate> events, @ForAll long seed) {
        ShipmentState ordered = replay(events, new ArrayList<>());

        List<TrackingUpdate> shuffled = new ArrayList<>(events);
        Random random = new Random(seed);
        for (int i = 0; i < events.size() / 3 + 1; i++) {
            shuffled.add(events.get(random.nextInt(events.size())));
        }
        Collections.shuffle(shuffled, random);
        List<String> reported = new ArrayList<>();
        ShipmentState arrived = replayDeduplicated(shuffled, reported);

        assertEquals(ordered.status(), arrived.status());
        assertEquals(ordered.activeConditions(), arrived.activeConditions());
        assertEquals(ordered.newestOccurredAt(), arrived.newestOccurredAt());
        assertEquals(reported.size(), new HashSet<>(reported).size(), "each event is reported at most once");
    }

    @Property(tries = 300)
    void theStatusNeverMovesBackwards(@ForAll("journeys") List<TrackingUpdate> events, @ForAll long seed) {
        List<TrackingUpdate> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));
        ShipmentState state = ShipmentState.fresh();
        for (TrackingUpdate event : shuffled) {
            Normalized n = StatusNormalizer.apply(state, event);
            assertTrue(n.after().status().compareTo(state.status()) >= 0);
            assertEquals(n.statusAdvanced(), n.after().status() != state.status());
            state = n.after();
        }
    }

    @Provide
    Arbitrary<List<TrackingUpdate>> journeys() {
        Arbitrary<FulfillmentEventType> types = Arbitraries.of(FulfillmentEventType.class);
        Arbitrary<Integer> minutes = Arbitraries.integers().between(0, 600);
        return Combinators.combine(types, minutes).as((type, minute) -> new Object[] { type, minute })
                .list().ofMinSize(1).ofMaxSize(12)
                .map(raw -> {
                    List<TrackingUpdate> events = new ArrayList<>();
                    for (int i = 0; i < raw.size(); i++) {
                        events.add(new TrackingUpdate("e" + i, (FulfillmentEventType) raw.get(i)[0],
                                T0.plusSeconds(60L * (Integer) raw.get(i)[1]), null, null));
                    }
                    return events;
                });
    }

    private static ShipmentState replay(List<TrackingUpdate> events, List<String> reported) {
        List<TrackingUpdate> inOrder = new ArrayList<>(events);
        inOrder.sort((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
        return replayDeduplicated(inOrder, reported);
    }

    /** What the store does: an event id already applied is a duplicate and never reaches the normalizer. */
    private static ShipmentState replayDeduplicated(List<TrackingUpdate> events, List<String> reported) {
        Set<String> seen = new HashSet<>();
        ShipmentState state = ShipmentState.fresh();
        for (TrackingUpdate event : events) {
            if (!seen.add(event.eventId())) {
                continue;
            }
            Normalized n = StatusNormalizer.apply(state, event);
            if (n.reportable()) {
                reported.add(event.eventId());
            }
            state = n.after();
        }
        return state;
    }
}
