package com.kingstonexpress.order;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.testing.Callers;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Orders and events as the storefront, sellers and other services send them. */
public final class Fixtures {

    public static final String CENTER = "center-london-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static Map<String, Object> order(String sellerId, String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sellerId", sellerId);
        body.put("customerId", "customer-" + UUID.randomUUID());
        body.put("customerName", "Ada Lovelace");
        body.put("type", type);
        if (type.equals("KINGSTON_DISPATCHED")) {
            body.put("fulfillmentCenterId", CENTER);
        }
        body.put("lines", List.of(Map.of("sku", "SKU-TEA-01", "title", "Earl Grey tea, 250 g", "quantity", 2,
                "unitPrice", Map.of("amount", 7.5, "currency", "GBP"))));
        body.put("deliveryAddress", new LinkedHashMap<>(Map.of("name", "Ada Lovelace", "line1", "12 St James's Square",
                "city", "London", "region", "Greater London", "postalCode", "SW1Y 4JH", "country", "GB", "phone", "+44 20 7946 0000")));
        body.put("shippingMethod", "STANDARD");
        body.put("notes", "Leave with the concierge.");
        return body;
    }

    public static RequestSpecification as(String token) {
        return Callers.as(token);
    }

    public static String storefront() {
        return DevTokens.storefront();
    }

    public static String seller(String sellerId) {
        return DevTokens.seller(sellerId);
    }

    public static String agent() {
        return DevTokens.supportAgent("agent-1");
    }

    /** Places an order and returns its id. */
    public static String place(Map<String, Object> body) {
        return as(storefront()).body(body).post("/api/v1/orders").then().statusCode(201).extract().path("orderId");
    }

    public static String place(String sellerId, String type) {
        return place(order(sellerId, type));
    }

    public static ValidatableResponse act(String sellerId, String orderId, String action, Map<String, ?> body) {
        return as(seller(sellerId)).body(body).post("/api/v1/orders/" + orderId + "/actions/" + action).then();
    }

    public static ValidatableResponse correct(String orderId, String status, String reason) {
        return as(agent()).body(Map.of("status", status, "reason", reason))
                .post("/api/v1/support/orders/" + orderId + "/status-corrections").then();
    }

    /** A CloudEvent as another service's outbox would publish it. */
    public static String cloudEvent(String type, String subject, Map<String, ?> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/kx/" + producerOf(type));
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        event.put("datacontenttype", "application/json");
        event.put("sequence", 1);
        event.put("data", data);
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service that publishes a type, as its CloudEvents {@code source} names it. */
    private static String producerOf(String type) {
        String area = type.substring("com.kingstonexpress.".length(), type.indexOf('.', "com.kingstonexpress.".length()));
        return switch (area) {
            case "fulfillment", "platform" -> "fulfillment-service";
            case "messaging" -> "messaging-service";
            default -> throw new IllegalArgumentException("no producer known for " + type);
        };
    }

    public static Map<String, Object> statusReport(String orderId, String source, String sourceId, String sourceEventId,
            String eventType, boolean late, String carrier, String trackingNumber) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", orderId);
        data.put("source", source);
        data.put("sourceId", sourceId);
        data.put("sourceEventId", sourceEventId);
        data.put("eventType", eventType);
        data.put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        data.put("late", late);
        data.put("carrier", carrier);
        data.put("trackingNumber", trackingNumber);
        data.put("proof", eventType.equals("DELIVERED") ? "photo-" + sourceEventId : null);
        data.put("location", "London hub");
        return data;
    }
}
