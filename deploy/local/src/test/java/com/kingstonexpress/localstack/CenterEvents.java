package com.kingstonexpress.localstack;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.security.EventSignature;
import com.kingstonexpress.platform.security.WebhookSignature;

import io.restassured.response.Response;

/** Signed center webhook calls and Kafka records, as a dispatchment center's system makes them. */
final class CenterEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CenterEvents() {
    }

    static Map<String, Object> event(String eventId, String orderId, String type, Instant occurredAt) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", eventId);
        e.put("orderId", orderId);
        e.put("type", type);
        e.put("occurredAt", occurredAt.toString());
        e.put("carrier", CenterSimulator.DEMO_CARRIER);
        e.put("trackingNumber", CenterSimulator.trackingNumber(orderId));
        e.put("location", "London");
        if (type.equals("DELIVERED")) {
            e.put("proof", "signed-by-customer");
        }
        return e;
    }

    static Response post(String body, String signature) {
        RunningStack.get();
        return given().contentType("application/json").header(WebhookSignature.HEADER, signature).body(body)
                .post("/api/v1/fulfillment-centers/" + RunningStack.CENTER + "/events");
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * A center event as a center publishes it on Kafka (structured mode), with the {@code kxsignature} extension: the
     * HMAC with the center's secret that fulfillment-service requires of every center event on the topic.
     */
    static String kafkaRecord(Map<String, Object> cloudEvent) {
        Map<String, Object> signed = new LinkedHashMap<>(cloudEvent);
        signed.put(EventSignature.ATTRIBUTE, EventSignature.sign(RunningStack.CENTER_SECRET, (String) cloudEvent.get("id"),
                (String) cloudEvent.get("type"), (String) cloudEvent.get("subject"), JSON.valueToTree(cloudEvent.get("data"))));
        return json(signed);
    }

    static String sign(String body) {
        return WebhookSignature.sign(RunningStack.CENTER_SECRET, Instant.now(), body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one event, retrying while the fulfillment service has not yet learned of the new order. */
    static Response report(String orderId, String type) {
        return report(UUID.randomUUID().toString(), orderId, type, Instant.now());
    }

    static Response report(String eventId, String orderId, String type, Instant occurredAt) {
        String body = json(Map.of("events", List.of(event(eventId, orderId, type, occurredAt))));
        Response[] last = new Response[1];
        Awaitility.await().atMost(RunningStack.EVENTUALLY).pollInterval(Duration.ofMillis(300)).until(() -> {
            last[0] = post(body, sign(body));
            return last[0].statusCode() == 202
                    && last[0].jsonPath().getInt("accepted") + last[0].jsonPath().getInt("duplicates") == 1;
        });
        return last[0];
    }
}
