package com.kingstonexpress.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kingstonexpress.platform.testing.KafkaTopics;

/** CloudEvents as their producers publish them (docs/design/EVENTS.md), sent on the real topics. */
public final class Events {

    public static final String ORDERS = "kx.orders.v1";
    public static final String MESSAGING = "kx.messaging.v1";
    public static final String SUPPORT = "kx.support.v1";
    public static final String INCIDENTS = "kx.platform.incidents.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static String newSeller() {
        return "seller-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String customerMessage(String eventId, String orderId, String sellerId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", orderId);
        data.put("conversationId", "conv-" + orderId);
        data.put("sellerId", sellerId);
        data.put("customerId", "customer-1");
        data.put("messageId", "msg-" + eventId);
        data.put("receivedAt", Instant.now().toString());
        data.put("waitingMessages", 1);
        data.put("awaitingSince", Instant.now().toString());
        return envelope(eventId, "messaging-service", "com.kingstonexpress.messaging.customer-message-received.v1", orderId, 1, data);
    }

    public static String attentionRaised(String eventId, String orderId, String sellerId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", orderId);
        data.put("sellerId", sellerId);
        data.put("type", "SELLER_MANAGED");
        data.put("flag", "CUSTOMER_AWAITING_REPLY");
        data.put("advice", "Reply to the customer.");
        return envelope(eventId, "order-service", "com.kingstonexpress.order.attention-raised.v1", orderId, 2, data);
    }

    public static String incidentDeclared(String eventId, String incidentId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incidentId", incidentId);
        data.put("scope", Map.of("regions", List.of("London"), "carriers", List.of()));
        data.put("startsAt", Instant.now().toString());
        data.put("customerNote", "Deliveries are running late.");
        data.put("declaredBy", "ops-1");
        return envelope(eventId, "fulfillment-service", "com.kingstonexpress.platform.incident-declared.v1", incidentId, 1, data);
    }

    /** A customer wrote to the seller: {@code message.received}. Returns the event id. */
    public static String sendCustomerMessage(String sellerId) {
        String eventId = newId();
        String orderId = "order-" + newId();
        KafkaTopics.send(MESSAGING, orderId, customerMessage(eventId, orderId, sellerId));
        return eventId;
    }

    public static String sendAttentionRaised(String sellerId) {
        String eventId = newId();
        String orderId = "order-" + newId();
        KafkaTopics.send(ORDERS, orderId, attentionRaised(eventId, orderId, sellerId));
        return eventId;
    }

    public static String sendIncident() {
        String eventId = newId();
        String incidentId = "inc-" + newId();
        KafkaTopics.send(INCIDENTS, incidentId, incidentDeclared(eventId, incidentId));
        return eventId;
    }

    static String envelope(String id, String service, String type, String subject, long sequence, Map<String, Object> data) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", id);
        e.put("source", "/kx/" + service);
        e.put("type", type);
        e.put("subject", subject);
        e.put("time", Instant.now().toString());
        e.put("datacontenttype", "application/json");
        e.put("sequence", sequence);
        e.set("data", JSON.valueToTree(data));
        try {
            return JSON.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
