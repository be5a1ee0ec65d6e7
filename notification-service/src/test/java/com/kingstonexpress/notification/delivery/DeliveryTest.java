package com.kingstonexpress.notification.delivery;

import static com.kingstonexpress.notification.Api.asSeller;
import static com.kingstonexpress.notification.Api.subscribe;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.notification.Events;
import com.kingstonexpress.notification.Receiver;
import com.kingstonexpress.notification.delivery.persistence.DeliveryStore;
import com.kingstonexpress.platform.security.WebhookSignature;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DeliveryTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    DeliveryStore store;

    private Receiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new Receiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private static String hook() {
        return "h-" + UUID.randomUUID();
    }

    @Test
    void aCustomerMessageReachesTheSellersEndpointSignedWithItsEventId() throws Exception {
        String seller = Events.newSeller();
        String name = hook();
        Map<String, String> sub = subscribe(seller, receiver.url(name), "message.received");

        String eventId = Events.sendCustomerMessage(seller);
        await().atMost(EVENTUALLY).until(() -> receiver.requests(name).size() == 1);

        Receiver.Request r = receiver.requests(name).get(0);
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        WebhookSignature.Verdict verdict = WebhookSignature.verify(sub.get("secret"), r.header("X-KX-Signature"), body, Instant.now());
        assertTrue(verdict.valid(), verdict.reason());
        assertFalse(WebhookSignature.verify("whsec_wrong", r.header("X-KX-Signature"), body, Instant.now()).valid());
        assertEquals(eventId, r.header("X-KX-Event-Id"));
        assertEquals("message.received", r.header("X-KX-Event-Type"));
        assertEquals("application/json", r.header("Content-Type"));
        JsonNode json = JSON.readTree(body);
        assertEquals(eventId, json.get("eventId").asText());
        assertEquals("message.received", json.get("type").asText());
        assertEquals(seller, json.get("sellerId").asText());
        assertTrue(json.get("data").get("conversationId").asText().startsWith("conv-"));

        String subscriptionId = sub.get("subscriptionId");
        await().atMost(EVENTUALLY).untilAsserted(() -> asSeller(seller)
                .get("/api/v1/notification-subscriptions/" + subscriptionId + "/deliveries").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].eventId", equalTo(eventId))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].lastResponse.status", equalTo(200)));
    }

    @Test
    void aSellerOnlyEverReceivesTheirOwnEvents() {
        String alice = Events.newSeller();
        String bob = Events.newSeller();
        String aliceHook = hook();
        String bobHook = hook();
        subscribe(alice, receiver.url(aliceHook), "message.received", "order.attention-raised");
        subscribe(bob, receiver.url(bobHook), "message.received", "order.attention-raised");

        String aliceMessage = Events.sendCustomerMessage(alice);
        String aliceAttention = Events.sendAttentionRaised(alice);
        String bobMessage = Events.sendCustomerMessage(bob);
        await().atMost(EVENTUALLY).until(() -> receiver.requests(aliceHook).size() == 2 && receiver.requests(bobHook).size() == 1);

        assertEquals(List.of(bobMessage), receiver.requests(bobHook).stream().map(r -> r.header("X-KX-Event-Id")).toList());
        assertEquals(List.of(aliceMessage, aliceAttention), receiver.requests(aliceHook).stream().map(r -> r.header("X-KX-Event-Id")).sorted(
                (a, b) -> a.equals(aliceMessage) ? -1 : 1).toList());
    }

    @Test
    void onlyTheTypesSubscribedToAreDelivered() {
        String seller = Events.newSeller();
        String name = hook();
        subscribe(seller, receiver.url(name), "order.attention-raised");
        Events.sendCustomerMessage(seller);
        String attention = Events.sendAttentionRaised(seller);
        await().atMost(EVENTUALLY).until(() -> !receiver.requests(name).isEmpty());
        // The message was sent first, on its own topic; by now the attention event, sent after it, has arrived.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> receiver.requests(name).size() == 1);
        assertEquals(attention, receiver.requests(name).get(0).header("X-KX-Event-Id"));
    }

    @Test
    void aPlatformSlowdownReachesEverySellerWhoAskedForIt() {
        String alice = Events.newSeller();
        String bob = Events.newSeller();
        String carol = Events.newSeller();
        String aliceHook = hook();
        String bobHook = hook();
        String carolHook = hook();
        subscribe(alice, receiver.url(aliceHook), "incident.declared");
        subscribe(bob, receiver.url(bobHook), "incident.declared", "message.received");
        subscribe(carol, receiver.url(carolHook), "message.received");

        String incident = Events.sendIncident();
        String carolMessage = Events.sendCustomerMessage(carol);
        await().atMost(EVENTUALLY).until(() -> receiver.requests(aliceHook).size() == 1 && receiver.requests(bobHook).size() == 1
                && receiver.requests(carolHook).size() == 1);
        assertEquals(incident, receiver.requests(aliceHook).get(0).header("X-KX-Event-Id"));
        assertEquals(incident, receiver.requests(bobHook).get(0).header("X-KX-Event-Id"));
        assertEquals(carolMessage, receiver.requests(carolHook).get(0).header("X-KX-Event-Id"));
    }

    @Test
    void aFailingEndpointIsRetriedWithBackoffThenParkedAndAReplayDeliversIt() {
        String seller = Events.newSeller();
        String name = hook();
        receiver.answer(name, 503);
        String subscriptionId = subscribe(seller, receiver.url(name), "message.received").get("subscriptionId");
        String deliveries = "/api/v1/notification-subscriptions/" + subscriptionId + "/deliveries";

        String eventId = Events.sendCustomerMessage(seller);
        // Test profile: retries from 0.2 s, at most 0.5 s apart, parked after 3 s.
        String deliveryId = await().atMost(EVENTUALLY).until(() -> asSeller(seller).get(deliveries + "?status=FAILED")
                .then().statusCode(200).extract().jsonPath().getString("items[0].deliveryId"), id -> id != null);

        List<Receiver.Request> attempts = receiver.requests(name);
        assertTrue(attempts.size() >= 3, "attempts: " + attempts.size());
        assertTrue(attempts.stream().allMatch(r -> eventId.equals(r.header("X-KX-Event-Id"))), "same event id on every attempt");
        assertEquals(List.of("1", "2", "3"), attempts.subList(0, 3).stream().map(r -> r.header("X-KX-Delivery-Attempt")).toList());
        Duration firstGap = Duration.between(attempts.get(0).receivedAt(), attempts.get(1).receivedAt());
        assertTrue(firstGap.toMillis() >= 90, "backoff before the second attempt: " + firstGap);
        asSeller(seller).get(deliveries + "/" + deliveryId).then().statusCode(200)
                .body("delivery.status", equalTo("FAILED"))
                .body("delivery.attempts", equalTo(attempts.size()))
                .body("delivery.lastResponse.status", equalTo(503))
                .body("delivery.lastResponse.body", containsString("503"))
                .body("attempts", hasSize(attempts.size()))
                .body("attempts[0].status", equalTo(503));

        // Parked means parked: nothing more goes out.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.requests(name).size() == attempts.size());

        receiver.answer(name, 200);
        asSeller(seller).post(deliveries + "/" + deliveryId + "/replay").then().statusCode(202).body("status", equalTo("PENDING"))
                .body("replays", equalTo(1));
        await().atMost(EVENTUALLY).untilAsserted(() -> asSeller(seller).get(deliveries + "/" + deliveryId).then()
                .body("delivery.status", equalTo("DELIVERED")).body("delivery.lastResponse.status", equalTo(200)));
        Receiver.Request last = receiver.requests(name).get(receiver.requests(name).size() - 1);
        assertEquals(eventId, last.header("X-KX-Event-Id"));

        asSeller(seller).post(deliveries + "/" + deliveryId + "/replay").then().statusCode(409).contentType("application/problem+json");
        asSeller(seller).post(deliveries + "/no-such-delivery/replay").then().statusCode(404).contentType("application/problem+json");
        asSeller(Events.newSeller()).post(deliveries + "/" + deliveryId + "/replay").then().statusCode(404);
        asSeller(seller).get(deliveries + "?status=LOST").then().statusCode(400).contentType("application/problem+json");
    }

    /**
     * The delivery log is what the endpoints said: many deliveries in flight at once, to endpoints that accept and
     * endpoints that refuse, and every attempt recorded with the status and body its endpoint sent (CI once stored a
     * 503 with an empty body), one recorded attempt per request the endpoints received.
     */
    @Test
    void everyAttemptRecordsWhatItsEndpointAnswered() throws Exception {
        List<String> subscriptions = new ArrayList<>();
        List<String> hooks = new ArrayList<>();
        int perSeller = 20;
        for (int status : new int[] { 200, 200, 503, 503 }) {
            String seller = Events.newSeller();
            String name = hook();
            receiver.answer(name, status);
            hooks.add(name);
            subscriptions.add(subscribe(seller, receiver.url(name), "message.received").get("subscriptionId"));
            for (int i = 0; i < perSeller; i++) {
                Events.sendCustomerMessage(seller);
            }
        }
        // Test profile: a refused delivery is parked after 3 s of retries.
        await().atMost(EVENTUALLY).until(() -> count("SELECT count(*) FROM notification_delivery WHERE subscription_id = ANY (?)"
                + " AND status IN ('DELIVERED', 'FAILED')", subscriptions) == 4L * perSeller);

        long requests = hooks.stream().mapToLong(name -> receiver.requests(name).size()).sum();
        String attempts = " FROM notification_delivery_attempt a JOIN notification_delivery d ON d.delivery_id = a.delivery_id"
                + " WHERE d.subscription_id = ANY (?)";
        assertEquals(requests, count("SELECT count(*)" + attempts, subscriptions), "one recorded attempt per request received");
        assertTrue(requests > 4L * perSeller, "the refused deliveries were retried: " + requests + " requests");
        // An attempt may time out on a busy machine (no answer, an error instead); one that was answered has its body.
        assertEquals(0L, count("SELECT count(*)" + attempts + " AND a.status_code IS NOT NULL"
                + " AND a.response IS DISTINCT FROM '{\"answer\":' || a.status_code || '}'", subscriptions),
                "attempts recorded with a body other than their endpoint's");
        assertEquals(0L, count("SELECT count(*)" + attempts + " AND a.status_code IS NULL AND a.error IS DISTINCT FROM 'timed out'",
                subscriptions), "attempts that failed for another reason than a timeout");
    }

    private long count(String sql, List<String> subscriptions) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", subscriptions.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aSlowEndpointDoesNotHoldUpOtherSellersDeliveries() {
        String slowSeller = Events.newSeller();
        String fastSeller = Events.newSeller();
        String slow = hook();
        String fast = hook();
        receiver.answerSlowly(slow, Duration.ofSeconds(20));
        subscribe(slowSeller, receiver.url(slow), "message.received");
        subscribe(fastSeller, receiver.url(fast), "message.received");
        for (int i = 0; i < 30; i++) {
            Events.sendCustomerMessage(slowSeller);
        }
        await().atMost(EVENTUALLY).until(() -> receiver.requests(slow).size() >= 4);

        long sent = System.nanoTime();
        String fastEvent = Events.sendCustomerMessage(fastSeller);
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.requests(fast).size() == 1);
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertEquals(fastEvent, receiver.requests(fast).get(0).header("X-KX-Event-Id"));
        assertTrue(millis < 5000, "fast delivery took " + millis + " ms");
        // Bounded per endpoint (test profile: 4 in flight, each attempt held until it times out after 1 s): a fifth
        // attempt starts only when one of the first four timed out, so no 500 ms (half the timeout, leaving room for
        // the receiver's own scheduling delays) sees more than 4 arrive. Unbounded, all 30 would arrive at once.
        List<Instant> starts = receiver.requests(slow).stream().map(Receiver.Request::receivedAt).sorted().toList();
        for (int i = 0; i + 4 < starts.size(); i++) {
            Duration span = Duration.between(starts.get(i), starts.get(i + 4));
            assertTrue(span.toMillis() >= 500, "5 attempts to the slow endpoint within " + span);
        }
    }

    @Test
    void theSameEventTwiceIsDeliveredOnce() {
        String seller = Events.newSeller();
        String name = hook();
        subscribe(seller, receiver.url(name), "message.received");
        String eventId = Events.newId();
        String orderId = "order-" + Events.newId();
        String record = Events.customerMessage(eventId, orderId, seller);
        KafkaTopics.send(Events.MESSAGING, orderId, record);
        KafkaTopics.send(Events.MESSAGING, orderId, record);
        String later = Events.sendCustomerMessage(seller);
        await().atMost(EVENTUALLY).until(() -> receiver.requests(name).stream().anyMatch(r -> later.equals(r.header("X-KX-Event-Id"))));
        assertEquals(1, receiver.requests(name).stream().filter(r -> eventId.equals(r.header("X-KX-Event-Id"))).count());
    }

    @Test
    void aDeletedSubscriptionReceivesNothingMore() {
        String seller = Events.newSeller();
        String gone = hook();
        String kept = hook();
        String goneId = subscribe(seller, receiver.url(gone), "message.received").get("subscriptionId");
        subscribe(seller, receiver.url(kept), "message.received");
        asSeller(seller).delete("/api/v1/notification-subscriptions/" + goneId).then().statusCode(204);
        String eventId = Events.sendCustomerMessage(seller);
        await().atMost(EVENTUALLY).until(() -> receiver.requests(kept).size() == 1);
        assertEquals(eventId, receiver.requests(kept).get(0).header("X-KX-Event-Id"));
        assertTrue(receiver.requests(gone).isEmpty());
    }

    @Test
    void anAttemptWhoseSenderDiedIsSentAgainAndItsLateOutcomeChangesNothing() throws Exception {
        String seller = Events.newSeller();
        String name = hook();
        String subscriptionId = subscribe(seller, receiver.url(name), "message.received").get("subscriptionId");
        String eventId = Events.newId();
        String deliveryId = "del-" + UUID.randomUUID();
        // What a crash between claiming an attempt and recording its outcome leaves behind: IN_FLIGHT, lease run out.
        try (Connection c = dataSource.getConnection()) {
            long position;
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO notification (event_id, seller_id, event_type, subject, occurred_at, received_at, body)
                    VALUES (?, ?, 'message.received', 'order-x', now(), now(), ?) RETURNING position""")) {
                s.setString(1, eventId);
                s.setString(2, seller);
                s.setString(3, "{\"eventId\":\"" + eventId + "\",\"type\":\"message.received\"}");
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    position = rs.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO notification_delivery (delivery_id, subscription_id, position, status, attempts, lease_until, give_up_at,
                        created_at, updated_at, last_attempt_at)
                    VALUES (?, ?, ?, 'IN_FLIGHT', 1, now() - interval '1 second', now() + interval '1 hour', now(), now(), now())""")) {
                s.setString(1, deliveryId);
                s.setString(2, subscriptionId);
                s.setLong(3, position);
                s.executeUpdate();
            }
        }
        await().atMost(EVENTUALLY).until(() -> receiver.requests(name).size() == 1);
        assertEquals("2", receiver.requests(name).get(0).header("X-KX-Delivery-Attempt"));
        assertEquals(eventId, receiver.requests(name).get(0).header("X-KX-Event-Id"));
        String path = "/api/v1/notification-subscriptions/" + subscriptionId + "/deliveries/" + deliveryId;
        await().atMost(EVENTUALLY).untilAsserted(() -> asSeller(seller).get(path).then().body("delivery.status", equalTo("DELIVERED"))
                .body("delivery.attempts", equalTo(2)));

        // The first sender comes back to life and reports a failure for attempt 1: fenced off.
        DeliveryStore.Claimed stale = new DeliveryStore.Claimed(deliveryId, subscriptionId, 1, receiver.url(name), "s", eventId,
                "message.received", "{}", Instant.now(), Instant.now().plusSeconds(3600));
        store.recordOutcome(stale, new DeliveryStore.Attempt(1, Instant.now(), Instant.now(), 500, "late", "late"), false,
                Optional.of(Instant.now()));
        asSeller(seller).get(path).then().body("delivery.status", equalTo("DELIVERED")).body("delivery.lastResponse.status", equalTo(200));
    }
}
