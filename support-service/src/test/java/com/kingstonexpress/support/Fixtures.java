package com.kingstonexpress.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kingstonexpress.platform.testing.KafkaTopics;

/**
 * CloudEvents as order-service and messaging-service publish them (docs/design/EVENTS.md and the team brief's
 * data contract), used to drive this service through the real topics. The consumer contract tests validate
 * these very fixtures against the producers' schemas.
 */
public final class Fixtures {

    public static final String ORDERS = "kx.orders.v1";
    public static final String MESSAGING = "kx.messaging.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static String placed(String eventId, String orderId, String sellerId, String type, long sequence) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", orderId);
        data.put("sellerId", sellerId);
        data.put("customerId", "customer-1");
        data.put("type", type);
        data.put("status", "NEW");
        data.put("fulfillmentCenterId", "KINGSTON_DISPATCHED".equals(type) ? "center-london-1" : null);
        data.put("shippingMethod", "STANDARD");
        data.put("deliveryAddress", Map.of("country", "GB", "region", "London", "city", "London", "postalCode", "E1 6AN"));
        data.put("lines", List.of(Map.of("sku", "SKU-1", "title", "Teapot", "quantity", 1)));
        data.put("placedAt", "2026-11-20T09:00:00Z");
        return envelope(eventId, "order-service", "com.kingstonexpress.order.placed.v1", orderId, sequence, data);
    }

    public static String statusChanged(String eventId, String orderId, String sellerId, String type, long sequence,
            String from, String to, String actorKind, String actorId, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", orderId);
        data.put("sellerId", sellerId);
        data.put("type", type);
        data.put("from", from);
        data.put("to", to);
        data.put("actorKind", actorKind);
        data.put("actorId", actorId);
        data.put("reason", reason);
        data.put("sourceEventId", null);
        data.put("changedAt", Instant.parse("2026-11-20T10:00:00Z").plusSeconds(sequence * 60).toString());
        return envelope(eventId, "order-service", "com.kingstonexpress.order.status-changed.v1", orderId, sequence, data);
    }

    public static String attention(String eventId, String orderId, String sellerId, String type, long sequence, String flag,
            boolean raised) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", orderId);
        data.put("sellerId", sellerId);
        data.put("type", type);
        data.put("flag", flag);
        data.put("advice", raised ? "Monitor only: Kingston Express handles this." : "Nothing to do any more.");
        return envelope(eventId, "order-service", "com.kingstonexpress.order.attention-" + (raised ? "raised" : "cleared") + ".v1",
                orderId, sequence, data);
    }

    public static String cancelled(String eventId, String orderId, String sellerId, long sequence) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", orderId);
        data.put("sellerId", sellerId);
        data.put("reason", "Customer changed their mind");
        data.put("actorKind", "SELLER");
        data.put("actorId", sellerId);
        data.put("cancelledAt", "2026-11-20T11:00:00Z");
        return envelope(eventId, "order-service", "com.kingstonexpress.order.cancelled.v1", orderId, sequence, data);
    }

    public static String escalation(String eventId, String orderId, String sellerId, String messageId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", orderId);
        data.put("conversationId", "conv-" + orderId);
        data.put("sellerId", sellerId);
        data.put("messageId", messageId);
        data.put("signals", List.of("CHARGEBACK_THREAT", "BAD_REVIEW_THREAT"));
        data.put("excerpt", "I will file a chargeback and leave a 1-star review");
        data.put("detectedAt", "2026-11-21T08:00:00Z");
        return envelope(eventId, "messaging-service", "com.kingstonexpress.messaging.escalation-detected.v1", orderId, 1, data);
    }

    /** A Kingston-dispatched or seller-managed order as placed, on the real topic. */
    public static void sendPlaced(String orderId, String sellerId, String type) {
        KafkaTopics.send(ORDERS, orderId, placed(newId(), orderId, sellerId, type, 1));
    }

    /** A status change by the fulfillment center, on the real topic. */
    public static void sendStatus(String orderId, String sellerId, String type, long sequence, String from, String to) {
        KafkaTopics.send(ORDERS, orderId, statusChanged(newId(), orderId, sellerId, type, sequence, from, to,
                "FULFILLMENT_CENTER", "center-london-1", null));
    }

    private static String envelope(String id, String service, String type, String subject, long sequence, Map<String, Object> data) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", id);
        e.put("source", "/kx/" + service);
        e.put("type", type);
        e.put("subject", subject);
        e.put("time", "2026-11-20T10:00:00Z");
        e.put("datacontenttype", "application/json");
        e.put("sequence", sequence);
        e.put("requestid", "req-" + id);
        e.set("data", JSON.valueToTree(data));
        try {
            return JSON.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
