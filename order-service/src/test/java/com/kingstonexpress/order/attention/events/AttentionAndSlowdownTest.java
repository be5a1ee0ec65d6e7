package com.kingstonexpress.order.attention.events;

import static com.kingstonexpress.order.Fixtures.act;
import static com.kingstonexpress.order.Fixtures.as;
import static com.kingstonexpress.order.Fixtures.cloudEvent;
import static com.kingstonexpress.order.Fixtures.order;
import static com.kingstonexpress.order.Fixtures.place;
import static com.kingstonexpress.order.Fixtures.seller;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.order.ConsumedSchemas;
import com.kingstonexpress.order.attention.application.StaleStatusJob;
import com.kingstonexpress.order.incidents.events.IncidentConsumer;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** "Catching issues early": customer messages, platform slowdowns and statuses that stop updating. */
@QuarkusTest
class AttentionAndSlowdownTest {

    private static final String SELLER = "attention-seller";

    @Inject
    StaleStatusJob staleStatus;
    @Inject
    EntityManager em;

    @Test
    void aCustomerWaitingForAReplyNeedsAttentionUntilTheSellerReplies() {
        String id = place(SELLER, "KINGSTON_DISPATCHED");
        String received = cloudEvent(MessagingConsumer.CUSTOMER_MESSAGE_RECEIVED, id, Map.of("orderId", id, "conversationId", "conv-" + id,
                "sellerId", SELLER, "messageId", "m1-" + id, "receivedAt", Instant.now().toString()));
        ConsumedSchemas.assertMatches("messaging-service", "messaging.customer-message-received.v1", received);
        KafkaTopics.send("kx.messaging.v1", id, received);
        KafkaTopics.send("kx.messaging.v1", id, received);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(seller(SELLER)).get("/api/v1/orders/" + id).then()
                .body("attention.flag", hasItem("CUSTOMER_AWAITING_REPLY"))
                .body("attention[0].advice", startsWith("Reply to the customer")));
        as(seller(SELLER)).queryParam("attention", "CUSTOMER_AWAITING_REPLY").get("/api/v1/orders").then()
                .body("items.orderId", hasItem(id));

        String replied = cloudEvent(MessagingConsumer.SELLER_REPLIED, id, Map.of("orderId", id, "conversationId", "conv-" + id,
                "sellerId", SELLER, "messageId", "m2-" + id, "firstReply", true, "responseSeconds", 120, "repliedAt", Instant.now().toString()));
        ConsumedSchemas.assertMatches("messaging-service", "messaging.seller-replied.v1", replied);
        KafkaTopics.send("kx.messaging.v1", id, replied);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(seller(SELLER)).get("/api/v1/orders/" + id).then()
                .body("attention.size()", equalTo(0)));
    }

    @Test
    void otherMessagingEventsAreIgnoredAndMessagesForUnknownOrdersAreDeadLettered() {
        String id = place(SELLER, "SELLER_MANAGED");
        String escalation = cloudEvent("com.kingstonexpress.messaging.escalation-detected.v1", "unknown-" + id, Map.of(
                "orderId", "unknown-" + id, "conversationId", "conv-x", "sellerId", SELLER, "messageId", "m-x",
                "signals", List.of("CHARGEBACK"), "excerpt", "I will file a chargeback", "detectedAt", Instant.now().toString()));
        String ghost = "ghost-" + UUID.randomUUID();
        String forGhost = cloudEvent(MessagingConsumer.CUSTOMER_MESSAGE_RECEIVED, ghost, Map.of("orderId", ghost, "conversationId", "conv-g",
                "sellerId", SELLER, "messageId", "m-g", "receivedAt", Instant.now().toString()));
        String forKnown = cloudEvent(MessagingConsumer.CUSTOMER_MESSAGE_RECEIVED, id, Map.of("orderId", id, "conversationId", "conv-" + id,
                "sellerId", SELLER, "messageId", "m-k", "receivedAt", Instant.now().toString()));
        // One key, one partition: when the last one is applied, the two before it have been handled.
        KafkaTopics.send("kx.messaging.v1", id, escalation);
        KafkaTopics.send("kx.messaging.v1", id, forGhost);
        KafkaTopics.send("kx.messaging.v1", id, forKnown);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(seller(SELLER)).get("/api/v1/orders/" + id).then()
                .body("attention.flag", hasItem("CUSTOMER_AWAITING_REPLY")));
        var dead = KafkaTopics.await("kx.messaging.v1.dlq", r -> id.equals(r.key()), list -> !list.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertTrue(dead.get(0).value().contains(ghost));
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("unknown order " + ghost), reason);
    }

    @Test
    void anActiveSlowdownLetsTheProcessWorkUntilResolved() {
        String region = "Slowshire-" + UUID.randomUUID();
        String id = place(inRegion(region));
        String incident = "inc-" + UUID.randomUUID();
        declare(incident, region, Instant.now().minus(1, ChronoUnit.HOURS), null);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(seller(SELLER)).get("/api/v1/orders/" + id).then()
                .body("conditions", hasItem("PLATFORM_SLOWDOWN")));
        as(seller(SELLER)).get("/api/v1/orders/" + id + "/actions").then()
                .body("actions.find { it.action == 'cancel' }.ruleId", equalTo("LET_THE_PROCESS_WORK"));
        act(SELLER, id, "cancel", Map.of("reason", "storm")).statusCode(409).body("ruleId", equalTo("LET_THE_PROCESS_WORK"));

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incidentId", incident);
        data.put("scope", Map.of("regions", List.of(region), "carriers", List.of()));
        data.put("resolvedAt", Instant.now().toString());
        String resolved = cloudEvent(IncidentConsumer.RESOLVED, incident, data);
        ConsumedSchemas.assertMatches("fulfillment-service", "platform.incident-resolved.v1", resolved);
        KafkaTopics.send("kx.platform.incidents.v1", incident, resolved);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(seller(SELLER)).get("/api/v1/orders/" + id).then()
                .body("conditions", not(hasItem("PLATFORM_SLOWDOWN"))));
        as(seller(SELLER)).get("/api/v1/orders/" + id + "/actions").then()
                .body("actions.find { it.action == 'cancel' }.allowed", equalTo(true));
    }

    @Test
    void aStatusThatStopsUpdatingIsFlaggedUnlessASlowdownCoversIt() {
        String stuck = place(SELLER, "SELLER_MANAGED");
        String region = "Stormshire-" + UUID.randomUUID();
        String covered = place(inRegion(region));
        declare("inc-" + UUID.randomUUID(), region, Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(seller(SELLER)).get("/api/v1/orders/" + covered).then()
                .body("conditions", hasItem("PLATFORM_SLOWDOWN")));
        ageStatus(stuck, Duration.ofHours(30));
        ageStatus(covered, Duration.ofHours(30));

        staleStatus.check(Instant.now());

        as(seller(SELLER)).get("/api/v1/orders/" + stuck).then()
                .body("attention.flag", hasItem("STATUS_NOT_UPDATING")).body("conditions", hasItem("STATUS_NOT_UPDATING"))
                .body("attention.find { it.flag == 'STATUS_NOT_UPDATING' }.advice", startsWith("Act now"));
        as(seller(SELLER)).get("/api/v1/orders/" + covered).then().body("attention.flag", not(hasItem("STATUS_NOT_UPDATING")));
        act(SELLER, stuck, "start-processing", Map.of()).statusCode(200).body("attention.flag", not(hasItem("STATUS_NOT_UPDATING")));
    }

    /**
     * More stale orders than one batch (5 in tests) and already flagged ones among them: one pass flags every one, a
     * slowdown then lifts every flag, and two instances checking at once change each order once.
     */
    @Test
    void everyStaleOrderIsFlaggedAndClearedHoweverManyThereAreAndWhoeverRunsTheCheck() throws Exception {
        String region = "Driftshire-" + UUID.randomUUID();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = place(inRegion(region));
            ageStatus(id, Duration.ofHours(30 + i));
            orders.add(id);
        }
        staleStatus.check(Instant.now());
        for (String id : orders) {
            as(seller(SELLER)).get("/api/v1/orders/" + id).then().body("attention.flag", hasItem("STATUS_NOT_UPDATING"));
        }

        declare("inc-" + UUID.randomUUID(), region, Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(seller(SELLER)).get("/api/v1/orders/" + orders.get(11))
                .then().body("conditions", hasItem("PLATFORM_SLOWDOWN")));
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(instances.submit(() -> {
                    start.await();
                    return staleStatus.check(Instant.now());
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            instances.shutdownNow();
        }
        for (String id : orders) {
            as(seller(SELLER)).get("/api/v1/orders/" + id).then().body("attention.flag", not(hasItem("STATUS_NOT_UPDATING")));
        }
        assertEquals(orders.size(), announced("attention-raised", orders), "one attention-raised event per order");
        assertEquals(orders.size(), announced("attention-cleared", orders), "one attention-cleared event per order");
    }

    /** How many of {@code orders} have exactly one event of {@code kind} in the outbox. */
    private long announced(String kind, List<String> orders) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT count(*) FROM (SELECT record_key FROM kx_outbox WHERE event_type = :type AND record_key IN (:orders)
                GROUP BY record_key HAVING count(*) = 1) once""")
                .setParameter("type", "com.kingstonexpress.order." + kind + ".v1").setParameter("orders", orders)
                .getSingleResult())).longValue();
    }

    private void ageStatus(String orderId, Duration age) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE orders SET status_changed_at = now() - make_interval(secs => ?1) WHERE order_id = ?2")
                .setParameter(1, (double) age.toSeconds()).setParameter(2, orderId).executeUpdate());
    }

    private static void declare(String incidentId, String region, Instant startsAt, Instant endsAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incidentId", incidentId);
        data.put("scope", Map.of("regions", List.of(region), "carriers", List.of()));
        data.put("startsAt", startsAt.toString());
        data.put("endsAt", endsAt == null ? null : endsAt.toString());
        data.put("customerNote", "Storms are slowing deliveries in your area.");
        String declared = cloudEvent(IncidentConsumer.DECLARED, incidentId, data);
        ConsumedSchemas.assertMatches("fulfillment-service", "platform.incident-declared.v1", declared);
        KafkaTopics.send("kx.platform.incidents.v1", incidentId, declared);
    }

    private static Map<String, Object> inRegion(String region) {
        Map<String, Object> body = order(SELLER, "KINGSTON_DISPATCHED");
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) body.get("deliveryAddress");
        address.put("region", region);
        return body;
    }
}
