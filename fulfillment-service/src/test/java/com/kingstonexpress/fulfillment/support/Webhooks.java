package com.kingstonexpress.fulfillment.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.kingstonexpress.platform.security.WebhookSignature;

import io.restassured.response.ValidatableResponse;

/** Signed webhook calls, exactly as a center or carrier makes them. */
public final class Webhooks {

    public static final String CENTER_SECRET = "dev-center-secret";
    public static final String CARRIER_SECRET = "dev-carrier-secret";

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

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
