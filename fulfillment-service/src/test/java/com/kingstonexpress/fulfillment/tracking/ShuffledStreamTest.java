package com.kingstonexpress.fulfillment.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.support.OrderFixtures;
import com.kingstonexpress.fulfillment.tracking.application.IngestTrackingEvents;
import com.kingstonexpress.fulfillment.tracking.domain.BatchOutcome;
import com.kingstonexpress.fulfillment.tracking.domain.FulfillmentEventType;
import com.kingstonexpress.fulfillment.tracking.domain.OrderType;
import com.kingstonexpress.fulfillment.tracking.domain.ReceivedEvent;
import com.kingstonexpress.fulfillment.tracking.domain.Sender;
import com.kingstonexpress.fulfillment.tracking.domain.ShipmentState;
import com.kingstonexpress.fulfillment.tracking.domain.StatusNormalizer;
import com.kingstonexpress.fulfillment.tracking.domain.TrackingUpdate;
import com.kingstonexpress.fulfillment.tracking.persistence.OrderProjection;
import com.kingstonexpress.fulfillment.tracking.persistence.Shipment;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * 2,000 orders x 5 events = 10,000 distinct events, plus 30% duplicates, all shuffled and ingested in batches of
 * 500 through the one ingestion path: every shipment ends as the ordered stream would leave it, every distinct
 * event is in the history exactly once, and exactly one status report per distinct change reaches Kafka.
 */
@QuarkusTest
class ShuffledStreamTest {

    private static final int ORDERS = 2_000;
    private static final int BATCH = 500;
    private static final List<List<FulfillmentEventType>> JOURNEYS = List.of(
            List.of(FulfillmentEventType.PICKED, FulfillmentEventType.PACKED, FulfillmentEventType.HANDED_TO_CARRIER,
                    FulfillmentEventType.IN_TRANSIT, FulfillmentEventType.DELIVERED),
            List.of(FulfillmentEventType.PICKED, FulfillmentEventType.HANDED_TO_CARRIER, FulfillmentEventType.CUSTOMS_HOLD,
                    FulfillmentEventType.CUSTOMS_CLEARED, FulfillmentEventType.OUT_FOR_DELIVERY),
            List.of(FulfillmentEventType.PICKED, FulfillmentEventType.PACKED, FulfillmentEventType.HANDED_TO_CARRIER,
                    FulfillmentEventType.IN_TRANSIT, FulfillmentEventType.CUSTOMS_HOLD),
            List.of(FulfillmentEventType.PICKED, FulfillmentEventType.HANDED_TO_CARRIER, FulfillmentEventType.OUT_FOR_DELIVERY,
                    FulfillmentEventType.DELIVERY_ATTEMPT_FAILED, FulfillmentEventType.RETURNED_TO_SENDER));

    @Inject
    OrderProjection projection;
    @Inject
    IngestTrackingEvents store;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @Test
    void shuffledDuplicatedEventsEndWhereTheOrderedStreamEndsWithOneReportPerChange() throws Exception {
        Instant placedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, List<ReceivedEvent>> journeys = new LinkedHashMap<>();
        for (int i = 0; i < ORDERS; i++) {
            String orderId = "shuffle-" + run + "-" + i;
            List<ReceivedEvent> events = new ArrayList<>();
            List<FulfillmentEventType> journey = JOURNEYS.get(i % JOURNEYS.size());
            for (int step = 0; step < journey.size(); step++) {
                FulfillmentEventType type = journey.get(step);
                boolean handOver = type == FulfillmentEventType.HANDED_TO_CARRIER;
                events.add(new ReceivedEvent(orderId + "-" + step, orderId, handOver ? "RP-" + orderId : null,
                        handOver ? OrderFixtures.CARRIER : null, type.name(), placedAt.plus(Duration.ofMinutes(10L * (step + 1))),
                        "hub", null, null));
            }
            journeys.put(orderId, events);
        }
        List<String> orderIds = new ArrayList<>(journeys.keySet());
        for (int from = 0; from < ORDERS; from += BATCH) {
            List<String> some = orderIds.subList(from, from + BATCH);
            QuarkusTransaction.requiringNew().run(() -> some.forEach(orderId -> projection.placed(orderId, "seller-shuffle",
                    OrderType.KINGSTON_DISPATCHED, OrderFixtures.CENTER, "GB", "London", placedAt)));
        }

        // What the ordered stream gives: each journey replayed in order through the normalizer.
        Map<String, ShipmentState> expected = new HashMap<>();
        journeys.forEach((orderId, events) -> {
            ShipmentState state = ShipmentState.fresh();
            for (ReceivedEvent e : events) {
                state = StatusNormalizer.apply(state, new TrackingUpdate(e.eventId(), FulfillmentEventType.valueOf(e.type()),
                        e.occurredAt(), e.carrier(), e.trackingNumber())).after();
            }
            expected.put(orderId, state);
        });

        List<ReceivedEvent> deliveries = new ArrayList<>();
        journeys.values().forEach(deliveries::addAll);
        Random random = new Random(20261128);
        int distinct = deliveries.size();
        for (int i = 0; i < distinct * 3 / 10; i++) {
            deliveries.add(deliveries.get(random.nextInt(distinct)));
        }
        Collections.shuffle(deliveries, random);

        int accepted = 0;
        int duplicates = 0;
        for (int from = 0; from < deliveries.size(); from += BATCH) {
            BatchOutcome outcome = store.ingest(Sender.center(OrderFixtures.CENTER),
                    deliveries.subList(from, Math.min(from + BATCH, deliveries.size())));
            accepted += outcome.accepted();
            duplicates += outcome.duplicates();
            assertEquals(List.of(), outcome.rejected());
        }
        assertEquals(10_000, accepted);
        assertEquals(3_000, duplicates);

        String prefix = "shuffle-" + run + "-%";
        assertEquals(10_000L, count("SELECT count(*) FROM tracking_event WHERE order_id LIKE ?1", prefix), "nothing lost, nothing twice");
        QuarkusTransaction.requiringNew().run(() -> {
            for (Shipment shipment : em.createQuery("SELECT s FROM Shipment s WHERE s.orderId LIKE :p", Shipment.class)
                    .setParameter("p", prefix).getResultList()) {
                ShipmentState actual = shipment.state(json);
                ShipmentState wanted = expected.get(shipment.orderId);
                assertEquals(wanted.status(), actual.status(), shipment.orderId);
                assertEquals(wanted.activeConditions(), actual.activeConditions(), shipment.orderId);
                assertEquals(wanted.trackingNumber(), actual.trackingNumber(), shipment.orderId);
            }
        });

        long reports = count("SELECT count(*) FROM tracking_event WHERE order_id LIKE ?1 AND reported", prefix);
        assertEquals(reports, count("SELECT count(*) FROM kx_outbox WHERE record_key LIKE ?1", prefix));
        Set<String> keys = new HashSet<>(orderIds);
        List<ConsumerRecord<String, String>> published = KafkaTopics.await("kx.fulfillment.status.v1", r -> keys.contains(r.key()),
                l -> l.stream().map(r -> cloudEventId(r)).distinct().count() >= reports, Duration.ofSeconds(90));

        // Consumers deduplicate by CloudEvent id (the relay may redeliver after a broker hiccup); per id, one report.
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : published) {
            JsonNode event = json.readTree(r.value());
            byId.putIfAbsent(event.get("id").asText(), event);
        }
        assertEquals(reports, byId.size());
        Set<String> reportedEvents = new HashSet<>();
        Map<String, JsonNode> previousByOrder = new HashMap<>();
        for (JsonNode event : byId.values()) {
            JsonNode data = event.get("data");
            assertEquals(true, reportedEvents.add(data.get("sourceEventId").asText()), "one report per distinct event");
            JsonNode previous = previousByOrder.put(data.get("orderId").asText(), data);
            if (previous != null) {
                assertNotEquals(List.of(previous.get("status"), previous.get("conditions"), previous.get("trackingNumber")),
                        List.of(data.get("status"), data.get("conditions"), data.get("trackingNumber")),
                        "each report is a change");
            }
        }
        previousByOrder.forEach((orderId, last) -> assertEquals(expected.get(orderId).status().name(), last.get("status").asText()));
    }

    private long count(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, parameter)
                .getSingleResult()).longValue());
    }

    private String cloudEventId(ConsumerRecord<String, String> r) {
        try {
            return json.readTree(r.value()).get("id").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
