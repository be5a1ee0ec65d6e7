package com.kingstonexpress.fulfillment.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kingstonexpress.platform.security.EventSignature;
import com.kingstonexpress.platform.security.WebhookSignature;

import io.restassured.response.ValidatableResponse;

/** Signed webhook calls, exactly as a center or carrier makes them. */
public final class Webhooks {

    public static final String CENTER_SECRET = "dev-center-secret";
    public static final String CARRIER_SECRET = "dev-carrier-secret";
    /** A second center, configured in tests only: signs its own events, but no demo order is assigned to it. */
    public static final String LEEDS_CENTER = "center-leeds-2";
    public static final String LEEDS_SECRET = "dev-leeds-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Webhooks() {
    }

    public static ValidatableResponse postCenter(String centerId, String body) {
        return post("/api/v1/fulfillment-centers/" + centerId + "/events", body,
                WebhookSignature.sign(CENTER_SECRET, Instant.now(), bytes(body)));
    }

    public static ValidatableResponse postCarrier(String carrierCode, String body) {
        return post("/api/v1/carriers/" + carrierCode + "/tracking-events", body,
                WebhookSignature.sign(CARRIER_SECRET, Instant.now(), bytes(body)));
    }

    public static ValidatableResponse post(String path, String body, String signature) {
        var request = given().contentType("application/json").body(bytes(body));
        if (signature != null) {
            request = request.header(WebhookSignature.HEADER, signature);
        }
        return request.when().post(path).then().log().ifValidationFails();
    }

    /** One center event as JSON; {@code extra} is appended inside the object (e.g. {@code ,"trackingNumber":"X"}). */
    public static String centerEvent(String eventId, String orderId, String type, Instant occurredAt, String extra) {
        return """
                {"eventId":"%s","orderId":"%s","type":"%s","occurredAt":"%s","location":"London hub"%s}"""
                .formatted(eventId, orderId, type, occurredAt, extra);
    }

    public static String carrierEvent(String eventId, String trackingNumber, String type, Instant occurredAt, String extra) {
        return """
                {"eventId":"%s","trackingNumber":"%s","type":"%s","occurredAt":"%s","location":"Depot"%s}"""
                .formatted(eventId, trackingNumber, type, occurredAt, extra);
    }

    public static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    /** A structured-mode CloudEvent as a center publishes it on Kafka: with its kxsignature extension. */
    public static String signedRecord(String cloudEvent, String secret) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(cloudEvent);
            event.put(EventSignature.ATTRIBUTE, EventSignature.sign(secret, event.path("id").asText(null),
                    event.path("type").asText(null), event.path("subject").asText(null), event.get("data")));
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String secretOf(String centerId) {
        return LEEDS_CENTER.equals(centerId) ? LEEDS_SECRET : CENTER_SECRET;
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
