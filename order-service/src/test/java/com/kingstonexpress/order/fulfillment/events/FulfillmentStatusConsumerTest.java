package com.kingstonexpress.order.fulfillment.events;

import static com.kingstonexpress.order.Fixtures.CENTER;
import static com.kingstonexpress.order.Fixtures.act;
import static com.kingstonexpress.order.Fixtures.as;
import static com.kingstonexpress.order.Fixtures.cloudEvent;
import static com.kingstonexpress.order.Fixtures.place;
import static com.kingstonexpress.order.Fixtures.seller;
import static com.kingstonexpress.order.Fixtures.statusReport;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.order.ConsumedSchemas;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** fulfillment-service's reports on the real topic: forward only, idempotent, center-scoped, poison to the DLQ. */
@QuarkusTest
class FulfillmentStatusConsumerTest {

    private static final String TOPIC = "kx.fulfillment.status.v1";
    private static final String SELLER = "fulfillment-seller";
    private static final List<String> JOURNEY = List.of("PICKED", "PACKED", "HANDED_TO_CARRIER", "IN_TRANSIT", "CUSTOMS_HOLD",
            "CUSTOMS_CLEARED", "OUT_FOR_DELIVERY", "DELIVERED");

    @Inject
    EntityManager em;

    @Test
    void centerEventsDriveADispatchedOrderToDelivered() {
        String id = place(SELLER, "KINGSTON_DISPATCHED");
        for (String type : JOURNEY) {
            send(id, centerReport(id, "ev-" + type + "-" + id, type, false));
        }
        awaitStatus(id, "DELIVERED");
        as(seller(SELLER)).get("/api/v1/orders/" + id).then()
                .body("tracking.carrier", equalTo("royal-parcel")).body("tracking.trackingNumber", equalTo("RP-" + id))
                .body("deliveryEvidence.kind", contains("CARRIER_EVENT")).body("conditions.size()", equalTo(0));
        as(seller(SELLER)).get("/api/v1/orders/" + id + "/history").then()
                .body("items.to", contains("PROCESSING", "SHIPPED", "IN_TRANSIT", "DELIVERED"))
                .body("items.actorKind", everyItem(equalTo("FULFILLMENT_CENTER"))).body("items.actorId", everyItem(equalTo(CENTER)))
                .body("items[0].sourceEventId", equalTo("ev-PICKED-" + id)).body("items[0].eventId", notNullValue());
    }

    @Test
    void eventsOfAnotherCenterAreIgnoredNotPoison() {
        String id = place(SELLER, "KINGSTON_DISPATCHED");
        Map<String, Object> foreign = statusReport(id, "CENTER", "center-elsewhere", "foreign-" + id, "HANDED_TO_CARRIER", false,
                "royal-parcel", "RP-X");
        send(id, foreign);
        send(id, centerReport(id, "picked-" + id, "PICKED", false));
        awaitStatus(id, "PROCESSING");
        as(seller(SELLER)).get("/api/v1/orders/" + id + "/history").then().body("items.to", contains("PROCESSING"));
        as(seller(SELLER)).get("/api/v1/orders/" + id).then().body("tracking", nullValue());
    }

    @Test
    void aCarrierDeliveryIsEvidenceForASellerManagedOrder() {
        String id = place(SELLER, "SELLER_MANAGED");
        act(SELLER, id, "start-processing", Map.of()).statusCode(200);
        act(SELLER, id, "confirm-address", Map.of()).statusCode(200);
        act(SELLER, id, "mark-shipped", Map.of("carrier", "royal-parcel", "trackingNumber", "SM-" + id)).statusCode(200);
        send(id, statusReport(id, "CARRIER", "royal-parcel", "attempt-" + id, "DELIVERY_ATTEMPT_FAILED", false, "royal-parcel", "SM-" + id));
        send(id, statusReport(id, "CARRIER", "royal-parcel", "delivered-" + id, "DELIVERED", false, "royal-parcel", "SM-" + id));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(seller(SELLER)).get("/api/v1/orders/" + id).then()
                .body("deliveryEvidence.kind", hasItem("CARRIER_EVENT")).body("attention.flag", hasItem("DELIVERY_ATTEMPT_FAILED")));
        as(seller(SELLER)).get("/api/v1/orders/" + id).then().body("status", equalTo("SHIPPED"))
                .body("attention.find { it.flag == 'DELIVERY_ATTEMPT_FAILED' }.advice", startsWith("Act now"));
        act(SELLER, id, "mark-delivered", Map.of()).statusCode(200).body("status", equalTo("DELIVERED"))
                .body("attention.size()", equalTo(0));
    }

    @Test
    void aReportForAnUnknownOrderGoesToTheDeadLetterTopic() {
        String id = "no-such-order-" + UUID.randomUUID();
        send(id, centerReport(id, "ghost-" + id, "PICKED", false));
        var dead = KafkaTopics.await(TOPIC + ".dlq", r -> id.equals(r.key()), list -> !list.isEmpty(), Duration.ofSeconds(60));
        var reason = dead.get(0).headers().lastHeader("dead-letter-reason");
        assertTrue(reason != null && new String(reason.value(), StandardCharsets.UTF_8).contains("unknown order"));
    }

    /**
     * Reports are applied a poll at a time in one transaction; one for an unknown order among them is dead-lettered
     * alone, and the others around it are applied once each.
     */
    @Test
    void aReportForAnUnknownOrderAmongGoodOnesIsTheOnlyOneDeadLettered() {
        String id = place(SELLER, "KINGSTON_DISPATCHED");
        String ghost = "no-such-order-" + UUID.randomUUID();
        // One key, sent together: one partition, most likely one poll.
        KafkaTopics.send(TOPIC, id, List.of(
                cloudEvent(FulfillmentStatusConsumer.STATUS_REPORTED, id, centerReport(id, "picked-" + id, "PICKED", false)),
                cloudEvent(FulfillmentStatusConsumer.STATUS_REPORTED, ghost, centerReport(ghost, "ghost-" + ghost, "PICKED", false)),
                cloudEvent(FulfillmentStatusConsumer.STATUS_REPORTED, id, centerReport(id, "handed-" + id, "HANDED_TO_CARRIER", false))));
        awaitStatus(id, "SHIPPED");
        KafkaTopics.awaitConsumed("order-service.fulfillment-status", TOPIC, Duration.ofSeconds(60));

        var dead = KafkaTopics.readAll(TOPIC + ".dlq", r -> id.equals(r.key()));
        assertEquals(1, dead.size());
        assertTrue(dead.get(0).value().contains(ghost));
        as(seller(SELLER)).get("/api/v1/orders/" + id + "/history").then().body("items.to", contains("PROCESSING", "SHIPPED"));
    }

    /**
     * The same journey, once in order and once shuffled with duplicates (redeliveries of one CloudEvent and
     * republished reports with a new CloudEvent id), ends in the same state; the shuffled history holds each
     * transition once and only moves forward.
     */
    @Test
    void aShuffledStreamWithDuplicatesEndsInTheSameStateAsTheOrderedOne() {
        String ordered = place(SELLER, "KINGSTON_DISPATCHED");
        String shuffled = place(SELLER, "KINGSTON_DISPATCHED");
        for (String type : JOURNEY) {
            send(ordered, centerReport(ordered, "o-" + type, type, false));
        }
        Random random = new Random(20260310);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < JOURNEY.size(); i++) {
            order.add(i);
            order.add(i);
            if (random.nextBoolean()) {
                order.add(i);
            }
        }
        Collections.shuffle(order, random);
        Set<String> sentIds = new HashSet<>();
        Map<Integer, String> firstEnvelope = new HashMap<>();
        int newest = -1;
        for (int step : order) {
            // fulfillment-service marks a report late when a newer one was already applied to the shipment.
            boolean late = step < newest;
            newest = Math.max(newest, step);
            String type = JOURNEY.get(step);
            String envelope;
            if (firstEnvelope.containsKey(step) && random.nextBoolean()) {
                envelope = firstEnvelope.get(step);
            } else {
                envelope = cloudEvent(FulfillmentStatusConsumer.STATUS_REPORTED, shuffled, centerReport(shuffled, "s-" + type, type, late));
                firstEnvelope.putIfAbsent(step, envelope);
            }
            sentIds.add(JsonPath.from(envelope).getString("id"));
            KafkaTopics.send(TOPIC, shuffled, envelope);
        }
        awaitStatus(ordered, "DELIVERED");
        awaitStatus(shuffled, "DELIVERED");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> appliedCount(sentIds) == sentIds.size());

        JsonPath a = JsonPath.from(as(seller(SELLER)).get("/api/v1/orders/" + ordered).asString());
        JsonPath b = JsonPath.from(as(seller(SELLER)).get("/api/v1/orders/" + shuffled).asString());
        for (String field : List.of("status", "conditions", "attention", "tracking.carrier", "deliveryEvidence.kind")) {
            assertEquals(a.getString(field), b.getString(field), field);
        }
        assertEquals("RP-" + shuffled, b.getString("tracking.trackingNumber"));

        List<Map<String, Object>> history = JsonPath.from(as(seller(SELLER)).get("/api/v1/orders/" + shuffled + "/history").asString())
                .getList("items");
        List<String> steps = List.of("NEW", "PROCESSING", "SHIPPED", "IN_TRANSIT", "DELIVERED");
        Set<String> transitions = new HashSet<>();
        for (Map<String, Object> entry : history) {
            assertTrue(transitions.add(entry.get("from") + "->" + entry.get("to")), "repeated transition in " + history);
            assertTrue(steps.indexOf((String) entry.get("to")) > steps.indexOf((String) entry.get("from")), "backwards in " + history);
        }
        List<String> orderedTo = JsonPath.from(as(seller(SELLER)).get("/api/v1/orders/" + ordered + "/history").asString())
                .getList("items.to");
        assertEquals(steps.subList(1, steps.size()), orderedTo);
    }

    @Test
    void fixturesMatchTheProducersContract() {
        String id = UUID.randomUUID().toString();
        for (String type : JOURNEY) {
            ConsumedSchemas.assertMatches("fulfillment-service", "fulfillment.status-reported.v1",
                    cloudEvent(FulfillmentStatusConsumer.STATUS_REPORTED, id, centerReport(id, "c-" + type, type, false)));
        }
    }

    private long appliedCount(Set<String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM kx_inbox WHERE consumer = 'order-service.fulfillment-status' AND event_id IN (:ids)")
                .setParameter("ids", ids).getSingleResult()).longValue());
    }

    private static Map<String, Object> centerReport(String orderId, String sourceEventId, String type, boolean late) {
        boolean handed = type.equals("HANDED_TO_CARRIER");
        return statusReport(orderId, "CENTER", CENTER, sourceEventId, type, late, handed ? "royal-parcel" : null,
                handed ? "RP-" + orderId : null);
    }

    private static void send(String orderId, Map<String, Object> data) {
        KafkaTopics.send(TOPIC, orderId, cloudEvent(FulfillmentStatusConsumer.STATUS_REPORTED, orderId, data));
    }

    private static void awaitStatus(String orderId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(seller(SELLER)).get("/api/v1/orders/" + orderId)
                .then().body("status", equalTo(status)));
    }
}
