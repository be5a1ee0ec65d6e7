package com.kingstonexpress.messaging.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.kingstonexpress.platform.testing.KafkaTopics;

/** kx.orders.v1 and kx.platform.incidents.v1 events built from the fixtures in src/test/resources/fixtures, as order-service publishes them. */
public final class OrderEvents {

    public static final String TOPIC = "kx.orders.v1";

    private OrderEvents() {
    }

    public static String placed(String orderId, String sellerId, String customerId, String type, long sequence) {
        return fill("order.placed.v1", Map.of("orderId", orderId, "sellerId", sellerId, "customerId", customerId, "type", type,
                "region", "Greater London", "fulfillmentCenterId", type.equals("KINGSTON_DISPATCHED") ? "\"center-london-1\"" : "null",
                "sequence", Long.toString(sequence)));
    }

    public static String statusChanged(String orderId, String sellerId, String type, String from, String to, long sequence) {
        return fill("order.status-changed.v1", Map.of("orderId", orderId, "sellerId", sellerId, "type", type, "from", from, "to", to,
                "sequence", Long.toString(sequence)));
    }

    public static String cancelled(String orderId, String sellerId, long sequence) {
        return fill("order.cancelled.v1", Map.of("orderId", orderId, "sellerId", sellerId, "sequence", Long.toString(sequence)));
    }

    public static String trackingAdded(String orderId, String sellerId, String carrier, long sequence) {
        return fill("order.tracking-added.v1", Map.of("orderId", orderId, "sellerId", sellerId, "carrier", carrier,
                "sequence", Long.toString(sequence)));
    }

    /** order.attention-raised.v1 or order.attention-cleared.v1 for one flag (CUSTOMS_HOLD, DELIVERY_ATTEMPT_FAILED, ...). */
    public static String attention(boolean raised, String orderId, String sellerId, String type, String flag, long sequence) {
        return fill(raised ? "order.attention-raised.v1" : "order.attention-cleared.v1", Map.of("orderId", orderId, "sellerId", sellerId,
                "type", type, "flag", flag, "sequence", Long.toString(sequence)));
    }

    /** platform.incident-declared.v1 for a slowdown in one region, as fulfillment-service publishes it. */
    public static String incidentDeclared(String incidentId, String region, String customerNote) {
        return fill("platform.incident-declared.v1", Map.of("incidentId", incidentId, "region", region, "customerNote", customerNote));
    }

    public static String incidentResolved(String incidentId, String region) {
        return fill("platform.incident-resolved.v1", Map.of("incidentId", incidentId, "region", region));
    }

    public static void publish(String orderId, String event) {
        KafkaTopics.send(TOPIC, orderId, event);
    }

    public static String fill(String fixture, Map<String, String> values) {
        String json = read("/fixtures/" + fixture + ".json").replace("${eventId}", UUID.randomUUID().toString());
        for (Map.Entry<String, String> v : values.entrySet()) {
            json = json.replace("${" + v.getKey() + "}", v.getValue());
        }
        if (json.contains("${")) {
            throw new IllegalArgumentException("unfilled placeholder in " + fixture + ": " + json);
        }
        return json;
    }

    static String read(String resource) {
        try (InputStream in = OrderEvents.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
