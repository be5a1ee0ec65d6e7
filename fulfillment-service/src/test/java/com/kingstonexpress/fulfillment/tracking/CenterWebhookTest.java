package com.kingstonexpress.fulfillment.tracking;

import static com.kingstonexpress.fulfillment.support.Webhooks.batch;
import static com.kingstonexpress.fulfillment.support.Webhooks.bytes;
import static com.kingstonexpress.fulfillment.support.Webhooks.centerEvent;
import static com.kingstonexpress.fulfillment.support.Webhooks.postCenter;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.fulfillment.support.OrderFixtures;
import com.kingstonexpress.fulfillment.support.Tables;
import com.kingstonexpress.fulfillment.support.Webhooks;
import com.kingstonexpress.platform.security.WebhookSignature;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** The center webhook: signature first, then the batch's shape, then each event judged; 202 only once stored. */
@QuarkusTest
class CenterWebhookTest {

    private static final String CENTER = OrderFixtures.CENTER;
    private static final String PATH = "/api/v1/fulfillment-centers/" + CENTER + "/events";

    @Inject
    OrderFixtures orders;
    @Inject
    Tables tables;

    private final Instant placedAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aSignedBatchIsStoredAndAnsweredWithCountsOnlyAfterCommit() {
        String orderId = orders.kingstonOrder("seller-1", placedAt);
        String picked = centerEvent("e-" + UUID.randomUUID(), orderId, "PICKED", placedAt.plusSeconds(60), "");
        postCenter(CENTER, batch(picked,
                centerEvent("e-" + UUID.randomUUID(), orderId, "PACKED", placedAt.plusSeconds(120), ""),
                picked))
                .statusCode(202)
                .body("accepted", equalTo(2))
                .body("duplicates", equalTo(1))
                .body("rejected", hasSize(0));
        assertEquals(2, tables.count("tracking_event WHERE order_id = ?1", orderId));
        // PICKED moved NEW -> PROCESSING; PACKED changed nothing more: one status report.
        assertEquals(1, tables.count("kx_outbox WHERE record_key = ?1", orderId));

        // The same events again, signed anew (a sender's retry): duplicates, nothing new.
        postCenter(CENTER, batch(picked)).statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        assertEquals(2, tables.count("tracking_event WHERE order_id = ?1", orderId));
    }

    @Test
    void concurrentDeliveriesOfTheSameEventsApplyEachOnce() throws Exception {
        List<String> orderIds = List.of(orders.kingstonOrder("seller-1", placedAt), orders.kingstonOrder("seller-1", placedAt),
                orders.kingstonOrder("seller-1", placedAt));
        List<String> events = new ArrayList<>();
        String[] journey = { "PICKED", "PACKED", "HANDED_TO_CARRIER", "IN_TRANSIT", "DELIVERED" };
        for (String orderId : orderIds) {
            for (int step = 0; step < journey.length; step++) {
                events.add(centerEvent(orderId + "-" + step, orderId, journey[step], placedAt.plusSeconds(60L * (step + 1)), ""));
            }
        }
        // Four senders' retries at once, each batch in another order (and so signed differently).
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ExtractableResponse<Response>>> answers =
                    new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                List<String> shuffled = new ArrayList<>(events);
                Collections.shuffle(shuffled, new Random(i));
                String body = batch(shuffled.toArray(String[]::new));
                answers.add(pool.submit(() -> postCenter(CENTER, body).statusCode(202).extract()));
            }
            int accepted = 0;
            int duplicates = 0;
            for (var answer : answers) {
                accepted += answer.get().<Integer>path("accepted");
                duplicates += answer.get().<Integer>path("duplicates");
            }
            assertEquals(15, accepted);
            assertEquals(45, duplicates);
        } finally {
            pool.shutdown();
        }
        for (String orderId : orderIds) {
            assertEquals(5, tables.count("tracking_event WHERE order_id = ?1", orderId));
            assertEquals(1, tables.count("shipment WHERE order_id = ?1 AND status = 'DELIVERED'", orderId));
            assertEquals(tables.count("tracking_event WHERE order_id = ?1 AND reported", orderId),
                    tables.count("kx_outbox WHERE record_key = ?1", orderId));
        }
    }

    @Test
    void eventsThatCannotApplyAreRejectedWithReasonsAndKeptForAudit() {
        String orderId = orders.kingstonOrder("seller-1", placedAt);
        String otherCentersOrder = UUID.randomUUID().toString();
        KafkaTopics.send(OrderFixtures.ORDERS_TOPIC, otherCentersOrder,
                OrderFixtures.orderPlaced(otherCentersOrder, "seller-1", "KINGSTON_DISPATCHED", "center-leeds-2", placedAt));
        String sellerManaged = orders.sellerManagedOrder("seller-1", placedAt, "RP-" + UUID.randomUUID());
        orders.awaitKnown(otherCentersOrder);

        List<String> events = new ArrayList<>();
        events.add(centerEvent("r-unknown-order", UUID.randomUUID().toString(), "PICKED", placedAt.plusSeconds(60), ""));
        events.add(centerEvent("r-other-center", otherCentersOrder, "PICKED", placedAt.plusSeconds(60), ""));
        events.add(centerEvent("r-seller-managed", sellerManaged, "PICKED", placedAt.plusSeconds(60), ""));
        events.add(centerEvent("r-unknown-type", orderId, "TELEPORTED", placedAt.plusSeconds(60), ""));
        events.add(centerEvent("r-future", orderId, "PICKED", Instant.now().plus(1, ChronoUnit.HOURS), ""));
        events.add(centerEvent("r-before-placed", orderId, "PICKED", placedAt.minus(1, ChronoUnit.DAYS), ""));
        events.add(centerEvent("ok-" + UUID.randomUUID(), orderId, "PICKED", placedAt.plusSeconds(60), ""));

        postCenter(CENTER, batch(events.toArray(String[]::new)))
                .statusCode(202)
                .body("accepted", equalTo(1))
                .body("duplicates", equalTo(0))
                // An order not known yet may still be in flight on kx.orders.v1: kept until it is (ParkedEventsTest).
                .body("parked", equalTo(1))
                .body("rejected.eventId", contains("r-other-center", "r-seller-managed", "r-unknown-type",
                        "r-future", "r-before-placed"))
                .body("rejected.reason", contains("order not assigned to this center",
                        "center events do not apply to seller-managed orders", "unknown event type",
                        "occurredAt is in the future", "occurredAt is before the order was placed"))
                .body("rejected.code", containsInAnyOrder("NOT_ASSIGNED_TO_CENTER", "SELLER_MANAGED_ORDER",
                        "UNKNOWN_EVENT_TYPE", "OCCURRED_IN_THE_FUTURE", "OCCURRED_BEFORE_ORDER_PLACED"));

        assertEquals(5, tables.count("rejected_event WHERE event_id LIKE 'r-%' AND source_id = ?1 AND reason_code <> 'PARKED_EXPIRED'",
                CENTER));
        assertEquals(1, tables.count("tracking_event WHERE order_id = ?1", orderId), "only the valid event was applied");
        assertEquals(0, tables.count("tracking_event WHERE order_id IN (?1, ?2)", otherCentersOrder, sellerManaged));
    }

    @Test
    void aWrongSignatureAStaleOneAndAnUnknownCenterAre401AndStoreNothing() {
        String orderId = orders.kingstonOrder("seller-1", placedAt);
        String body = batch(centerEvent("e-" + UUID.randomUUID(), orderId, "PICKED", placedAt.plusSeconds(60), ""));
        long before = tables.everythingStored();

        unauthorized(PATH, body, WebhookSignature.sign("not-the-secret", Instant.now(), bytes(body)));
        unauthorized(PATH, body, WebhookSignature.sign(Webhooks.CENTER_SECRET, Instant.now().minus(Duration.ofMinutes(6)), bytes(body)));
        unauthorized(PATH, body, WebhookSignature.sign(Webhooks.CENTER_SECRET, Instant.now(), bytes(body + " ")));
        unauthorized(PATH, body, null);
        unauthorized(PATH, body, "t=abc,v1=zz");
        unauthorized("/api/v1/fulfillment-centers/center-nowhere-9/events", body,
                WebhookSignature.sign(Webhooks.CENTER_SECRET, Instant.now(), bytes(body)));

        assertEquals(before, tables.everythingStored());
        assertEquals(0, tables.count("tracking_event WHERE order_id = ?1", orderId));
    }

    @Test
    void aRetryOfTheSameBytesGetsTheOriginalReceiptAndStoresNothingMore() {
        String orderId = orders.kingstonOrder("seller-1", placedAt);
        String picked = centerEvent("e-" + UUID.randomUUID(), orderId, "PICKED", placedAt.plusSeconds(60), "");
        // A receipt with every part: accepted, a duplicate and a rejection.
        String body = batch(picked, picked, centerEvent("unknown-type-" + UUID.randomUUID(), orderId, "TELEPORTED", placedAt.plusSeconds(60), ""));
        String signature = WebhookSignature.sign(Webhooks.CENTER_SECRET, Instant.now(), bytes(body));
        String first = Webhooks.post(PATH, body, signature).statusCode(202)
                .body("accepted", equalTo(1)).body("duplicates", equalTo(1)).body("rejected.code", contains("UNKNOWN_EVENT_TYPE"))
                .extract().asString();
        long before = tables.everythingStored();

        // The sender timed out and sends the very same request again: the first answer, byte for byte (accepted 1,
        // not the 0 a re-ingest would count), and nothing more stored.
        Webhooks.post(PATH, body, signature).statusCode(202).contentType("application/json").body(equalTo(first));
        // The same signature written differently is the same request.
        String[] parts = signature.split(",");
        Webhooks.post(PATH, body, parts[1] + "," + parts[0]).statusCode(202).body(equalTo(first));
        assertEquals(before, tables.everythingStored());

        // Other bytes under the used signature are refused as before.
        unauthorized(PATH, batch(centerEvent("e-" + UUID.randomUUID(), orderId, "PACKED", placedAt.plusSeconds(120), "")), signature);
        unauthorized(PATH, body + " ", signature);
        assertEquals(before, tables.everythingStored());
        assertEquals(1, tables.count("tracking_event WHERE order_id = ?1", orderId));
    }

    @Test
    void aRetryOutsideTheWindowIsRefusedThoughItsReceiptIsKept() {
        String orderId = orders.kingstonOrder("seller-1", placedAt);
        String body = batch(centerEvent("e-" + UUID.randomUUID(), orderId, "PICKED", placedAt.plusSeconds(60), ""));
        // Signed 2 seconds before the end of the window: accepted now, stale in a moment.
        String signature = WebhookSignature.sign(Webhooks.CENTER_SECRET,
                Instant.now().minus(WebhookSignature.TOLERANCE).plusSeconds(2), bytes(body));
        String first = Webhooks.post(PATH, body, signature).statusCode(202).body("accepted", equalTo(1)).extract().asString();
        long before = tables.everythingStored();

        // Retries get the receipt while the signature is in its window, and 401 as soon as it is not.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var retry = Webhooks.post(PATH, body, signature).extract();
            if (retry.statusCode() == 202) {
                assertEquals(first, retry.asString());
                return false;
            }
            return retry.statusCode() == 401;
        });
        unauthorized(PATH, body, signature);
        assertEquals(before, tables.everythingStored());
    }

    @Test
    void identicalDeliveriesRacingAreIngestedOnceAndAllGetTheSameReceipt() throws Exception {
        String orderId = orders.kingstonOrder("seller-1", placedAt);
        String body = batch(centerEvent("e-" + UUID.randomUUID(), orderId, "PICKED", placedAt.plusSeconds(60), ""),
                centerEvent("e-" + UUID.randomUUID(), orderId, "PACKED", placedAt.plusSeconds(120), ""));
        String signature = WebhookSignature.sign(Webhooks.CENTER_SECRET, Instant.now(), bytes(body));
        int senders = 8;
        // All threads post at once: the losers' inserts of the signature wait for the winner's transaction.
        CyclicBarrier start = new CyclicBarrier(senders);
        var pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return Webhooks.post(PATH, body, signature).extract();
                }));
            }
            List<String> receipts = new ArrayList<>();
            for (var answer : answers) {
                assertEquals(202, answer.get().statusCode(), answer.get().asString());
                receipts.add(answer.get().asString());
            }
            assertEquals(1, receipts.stream().distinct().count(), receipts::toString);
            assertEquals(2, (int) answers.get(0).get().<Integer>path("accepted"), receipts.get(0));
        } finally {
            pool.shutdown();
        }
        assertEquals(2, tables.count("tracking_event WHERE order_id = ?1", orderId));
        assertEquals(1, tables.count("kx_outbox WHERE record_key = ?1", orderId));
    }

    @Test
    void aUsedSignatureWithAnotherBodyHashOrNoKeptReceiptIsRefused() {
        // Rows a delivery cannot produce through HTTP (the HMAC binds the bytes): a hash of other bytes, and a row
        // written before receipts were kept (V4). Both stay refused.
        String orderId = orders.kingstonOrder("seller-1", placedAt);
        for (String row : new String[] {
                "INSERT INTO webhook_signature (signature, body_sha256, receipt_status, receipt_body) "
                        + "VALUES (?1, repeat('0', 64), 202, '{\"accepted\":7}')",
                "INSERT INTO webhook_signature (signature) VALUES (?1)" }) {
            String body = batch(centerEvent("e-" + UUID.randomUUID(), orderId, "PICKED", placedAt.plusSeconds(60), ""));
            String signature = WebhookSignature.sign(Webhooks.CENTER_SECRET, Instant.now(), bytes(body));
            tables.execute(row, "CENTER/" + CENTER + "/" + signature);
            long before = tables.everythingStored();
            unauthorized(PATH, body, signature);
            assertEquals(before, tables.everythingStored());
        }
        assertEquals(0, tables.count("tracking_event WHERE order_id = ?1", orderId));
    }

    @Test
    void malformedBatchesAre400AndStoreNothing() {
        String orderId = orders.kingstonOrder("seller-1", placedAt);
        long before = tables.everythingStored();
        String valid = centerEvent("e-" + UUID.randomUUID(), orderId, "PICKED", placedAt.plusSeconds(60), "");

        malformed("{not json");
        malformed("");
        malformed("{}");
        malformed(batch());
        malformed("{\"events\":[null]}");
        malformed(batch(valid, "{\"orderId\":\"" + orderId + "\",\"type\":\"PACKED\",\"occurredAt\":\"" + placedAt + "\"}"))
                .body("violations.field", contains("events[1].eventId"));
        malformed(batch(valid, centerEvent("e-1", orderId, "PACKED", placedAt, "").replace(placedAt.toString(), "yesterday")));
        malformed(batch(valid, centerEvent("x".repeat(101), orderId, "PACKED", placedAt, "")));
        malformed(batch(valid, centerEvent("e-2", orderId, "PACKED", placedAt, ",\"details\":[1,2]")));
        malformed(batch(valid, centerEvent("e-3", orderId, "PACKED", placedAt,
                ",\"details\":{\"note\":\"" + "n".repeat(5000) + "\"}")));

        assertEquals(before, tables.everythingStored());
    }

    @Test
    void anOversizedBatchIs413AndStoresNothing() {
        String orderId = orders.kingstonOrder("seller-1", placedAt);
        long before = tables.everythingStored();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            events.add(centerEvent("big-" + i + "-" + UUID.randomUUID(), orderId, "PICKED", placedAt.plusSeconds(60), ""));
        }
        postCenter(CENTER, batch(events.toArray(String[]::new)))
                .statusCode(413)
                .contentType("application/problem+json")
                .body("maxEvents", equalTo(500));

        String huge = batch(centerEvent("huge", orderId, "PICKED", placedAt.plusSeconds(60),
                ",\"location\":\"" + "x".repeat(1_100_000) + "\""));
        postCenter(CENTER, huge).statusCode(413).contentType("application/problem+json");

        assertEquals(before, tables.everythingStored());
    }

    private static void unauthorized(String path, String body, String signature) {
        Webhooks.post(path, body, signature)
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", startsWith("https://errors.kingstonexpress.com/invalid-signature"));
    }

    private static ValidatableResponse malformed(String body) {
        return postCenter(CENTER, body).statusCode(400).contentType("application/problem+json");
    }
}
