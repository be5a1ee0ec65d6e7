package com.kingstonexpress.order.orders.events;

import static com.kingstonexpress.order.Fixtures.act;
import static com.kingstonexpress.order.Fixtures.order;
import static com.kingstonexpress.order.Fixtures.place;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.testing.EventContracts;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Producer contract: every event type order-service publishes, read back from the real {@code kx.orders.v1}
 * topic, matches its checked-in JSON Schema, and carries the order id as subject and record key.
 */
@QuarkusTest
class OrderEventContractTest {

    private static final String SELLER = "contract-seller";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPublishedEventMatchesItsSchema() throws Exception {
        Map<String, Object> body = order(SELLER, "SELLER_MANAGED");
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) body.get("deliveryAddress");
        address.remove("postalCode");
        String shipped = place(body);
        act(SELLER, shipped, "start-processing", Map.of()).statusCode(200);
        act(SELLER, shipped, "confirm-address", Map.of()).statusCode(200);
        act(SELLER, shipped, "add-tracking", Map.of("carrier", "royal-parcel", "trackingNumber", "RP-C-1")).statusCode(200);
        act(SELLER, shipped, "mark-shipped", Map.of()).statusCode(200);
        act(SELLER, shipped, "refund", Map.of("reason", "one tin arrived dented")).statusCode(200);
        act(SELLER, shipped, "resend", Map.of("reason", "replace the dented tin")).statusCode(200);
        String cancelled = place(SELLER, "KINGSTON_DISPATCHED");
        act(SELLER, cancelled, "cancel", Map.of("reason", "customer ordered twice")).statusCode(200);

        Set<String> subjects = Set.of(shipped, cancelled);
        List<ConsumerRecord<String, String>> records = KafkaTopics.await(OrderEvents.TOPIC, r -> subjects.contains(r.key()),
                list -> list.size() >= 12, Duration.ofSeconds(60));
        Set<String> types = new TreeSet<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = JSON.readTree(record.value());
            String type = event.get("type").asText();
            types.add(type);
            assertEquals(record.key(), event.get("subject").asText());
            assertEquals(record.key(), event.at("/data/orderId").asText());
            assertEquals(SELLER, event.at("/data/sellerId").asText());
            String name = type.substring("com.kingstonexpress.".length());
            EventContracts.assertMatches(EventContracts.schemaOf("order-service", name), record.value());
            if (type.equals(OrderEvents.Placed.TYPE)) {
                // #12 L13: no more of the customer's address than consumers need.
                List<String> fields = new ArrayList<>();
                event.at("/data/deliveryAddress").fieldNames().forEachRemaining(fields::add);
                assertEquals(List.of("country", "region"), fields);
            }
        }
        Set<String> expected = Set.of(OrderEvents.Placed.TYPE, OrderEvents.StatusChanged.TYPE, OrderEvents.AddressConfirmed.TYPE,
                OrderEvents.TrackingAdded.TYPE, OrderEvents.Cancelled.TYPE, OrderEvents.RefundRequested.TYPE, OrderEvents.ResendRequested.TYPE,
                OrderEvents.AttentionRaised.TYPE, OrderEvents.AttentionCleared.TYPE);
        assertTrue(types.containsAll(expected), "missing " + expected.stream().filter(t -> !types.contains(t)).collect(Collectors.toSet()));

        List<Long> sequences = records.stream().filter(r -> r.key().equals(shipped))
                .map(r -> readTree(r.value()).get("sequence").asLong()).toList();
        assertEquals(sequences.stream().sorted().toList(), sequences, "events of one order arrive in sequence order");
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
