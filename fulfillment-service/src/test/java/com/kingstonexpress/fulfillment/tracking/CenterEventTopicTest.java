package com.kingstonexpress.fulfillment.tracking;

import static com.kingstonexpress.fulfillment.support.Webhooks.batch;
import static com.kingstonexpress.fulfillment.support.Webhooks.centerEvent;
import static com.kingstonexpress.fulfillment.support.Webhooks.postCenter;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.support.OrderFixtures;
import com.kingstonexpress.fulfillment.support.Tables;
import com.kingstonexpress.fulfillment.support.Webhooks;
import com.kingstonexpress.platform.security.EventSignature;

import com.kingstonexpress.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;

/** Centers that publish on Kafka go through the same ingestion as the webhook: same dedup, same rejections. */
@QuarkusTest
class CenterEventTopicTest {

    static final String TOPIC = "kx.fulfillment.center-events.v1";

    @Inject
    OrderFixtures orders;
    @Inject
    Tables tables;

    private final Instant placedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    /** Signed by the center it names, as every center must (#12 M3). */
    static String centerEventRecord(String centerId, String eventId, String orderId, String type, Instant occurredAt) {
        return Webhooks.signedRecord(unsignedCenterEventRecord(centerId, eventId, orderId, type, occurredAt), Webhooks.secretOf(centerId));
    }

    static String unsignedCenterEventRecord(String centerId, String eventId, String orderId, String type, Instant occurredAt) {
        return OrderFixtures.envelope(orderId, "com.kingstonexpress.fulfillment.center-event.v1", """
                {"centerId":"%s","eventId":"%s","orderId":"%s","type":"%s","occurredAt":"%s","carrier":null,
                 "trackingNumber":null,"location":"London dispatchment center","proof":null,"details":{"bay":"B4"}}"""
                .formatted(centerId, eventId, orderId, type, occurredAt)).replace("/kx/order-service", "/centers/" + centerId);
    }

    @Test
    void anEventFromTheTopicIsAppliedOnceEvenIfTheWebhookDeliversItToo() {
        String orderId = orders.kingstonOrder("seller-4", placedAt);
        String eventId = "k-" + UUID.randomUUID();
        KafkaTopics.send(TOPIC, orderId, centerEventRecord(OrderFixtures.CENTER, eventId, orderId, "PICKED", placedAt.plusSeconds(60)));
        await().atMost(OrderFixtures.WAIT).until(() -> tables.count("tracking_event WHERE event_id = ?1", eventId) == 1);
        assertEquals(1, tables.count("kx_outbox WHERE record_key = ?1", orderId));

        postCenter(OrderFixtures.CENTER, batch(centerEvent(eventId, orderId, "PICKED", placedAt.plusSeconds(60), "")))
                .statusCode(202)
                .body("accepted", equalTo(0))
                .body("duplicates", equalTo(1));
        assertEquals(1, tables.count("kx_outbox WHERE record_key = ?1", orderId));
    }

    @Test
    void anEventPublishedInBinaryModeIsAppliedLikeAStructuredOne() throws Exception {
        String orderId = orders.kingstonOrder("seller-4", placedAt);
        String eventId = "k-" + UUID.randomUUID();
        String data = """
                {"centerId":"%s","eventId":"%s","orderId":"%s","type":"PICKED","occurredAt":"%s","carrier":null,
                 "trackingNumber":null,"location":"London dispatchment center","proof":null,"details":{}}"""
                .formatted(OrderFixtures.CENTER, eventId, orderId, placedAt.plusSeconds(60));
        String id = UUID.randomUUID().toString();
        String type = "com.kingstonexpress.fulfillment.center-event.v1";
        String signature = EventSignature.sign(Webhooks.CENTER_SECRET, id, type, orderId, new ObjectMapper().readTree(data));
        Map<String, String> attributes = Map.of("ce_specversion", "1.0", "ce_id", id,
                "ce_source", "/centers/" + OrderFixtures.CENTER, "ce_type", type,
                "ce_subject", orderId, "ce_time", placedAt.plusSeconds(61).toString(), "content-type", "application/json",
                "ce_kxsignature", signature);
        KafkaTopics.send(TOPIC, orderId, data, attributes.entrySet().stream()
                .map(h -> new RecordHeader(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8))).toList());
        await().atMost(OrderFixtures.WAIT).until(() -> tables.count("tracking_event WHERE event_id = ?1", eventId) == 1);
    }

    @Test
    void aWellFormedEventThatCannotApplyIsRejectedAndKeptAndAMalformedOneIsDeadLettered() {
        String orderId = orders.kingstonOrder("seller-4", placedAt);
        String wrongCenter = "k-wrong-" + UUID.randomUUID();
        KafkaTopics.send(TOPIC, orderId, centerEventRecord(Webhooks.LEEDS_CENTER, wrongCenter, orderId, "PICKED", placedAt.plusSeconds(60)));
        String malformed = centerEventRecord(OrderFixtures.CENTER, "", orderId, "PICKED", placedAt.plusSeconds(60));
        KafkaTopics.send(TOPIC, orderId, malformed);
        String valid = "k-" + UUID.randomUUID();
        KafkaTopics.send(TOPIC, orderId, centerEventRecord(OrderFixtures.CENTER, valid, orderId, "PACKED", placedAt.plusSeconds(90)));

        await().atMost(OrderFixtures.WAIT).until(() -> tables.count("tracking_event WHERE event_id = ?1", valid) == 1);
        assertEquals(1, tables.count("rejected_event WHERE event_id = ?1 AND reason_code = 'NOT_ASSIGNED_TO_CENTER'", wrongCenter));
        var dead = KafkaTopics.await(TOPIC + ".dlq", r -> orderId.equals(r.key()), l -> !l.isEmpty(), OrderFixtures.WAIT);
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("eventId"), reason);
    }

    @Test
    void aForgedOrUnsignedEventChangesNothingAndIsDeadLetteredNamingTheSignature() {
        String orderId = orders.kingstonOrder("seller-4", placedAt);
        String unsigned = "k-unsigned-" + UUID.randomUUID();
        String forged = "k-forged-" + UUID.randomUUID();
        String otherCenters = "k-leeds-key-" + UUID.randomUUID();
        String tampered = "k-tampered-" + UUID.randomUUID();
        // Anyone who can write to the topic, claiming to be the order's center.
        KafkaTopics.send(TOPIC, orderId, unsignedCenterEventRecord(OrderFixtures.CENTER, unsigned, orderId, "DELIVERED",
                placedAt.plusSeconds(60)));
        KafkaTopics.send(TOPIC, orderId, Webhooks.signedRecord(unsignedCenterEventRecord(OrderFixtures.CENTER, forged, orderId,
                "DELIVERED", placedAt.plusSeconds(60)), "guessed-secret"));
        // A real center signing with its own secret, but speaking for another center.
        KafkaTopics.send(TOPIC, orderId, Webhooks.signedRecord(unsignedCenterEventRecord(OrderFixtures.CENTER, otherCenters, orderId,
                "DELIVERED", placedAt.plusSeconds(60)), Webhooks.LEEDS_SECRET));
        // A genuinely signed event whose type was changed afterwards.
        KafkaTopics.send(TOPIC, orderId, centerEventRecord(OrderFixtures.CENTER, tampered, orderId, "PICKED", placedAt.plusSeconds(60))
                .replace("\"type\":\"PICKED\"", "\"type\":\"DELIVERED\""));
        String genuine = "k-" + UUID.randomUUID();
        KafkaTopics.send(TOPIC, orderId, centerEventRecord(OrderFixtures.CENTER, genuine, orderId, "PICKED", placedAt.plusSeconds(90)));

        await().atMost(OrderFixtures.WAIT).until(() -> tables.count("tracking_event WHERE event_id = ?1", genuine) == 1);
        var dead = KafkaTopics.await(TOPIC + ".dlq", r -> orderId.equals(r.key()), l -> l.size() >= 4, OrderFixtures.WAIT);
        assertEquals(4, dead.size());
        for (var letter : dead) {
            String reason = new String(letter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("center event signature refused"), reason);
        }
        for (String eventId : new String[] { unsigned, forged, otherCenters, tampered }) {
            assertEquals(0, tables.count("tracking_event WHERE event_id = ?1", eventId));
            assertEquals(0, tables.count("rejected_event WHERE event_id = ?1", eventId));
        }
        assertEquals(1, tables.count("tracking_event WHERE order_id = ?1", orderId), "only the genuine PICKED applied");
        assertEquals(1, tables.count("kx_outbox WHERE record_key = ?1", orderId));
    }
}
