package com.kingstonexpress.fulfillment.tracking;

import static com.kingstonexpress.fulfillment.support.Webhooks.batch;
import static com.kingstonexpress.fulfillment.support.Webhooks.centerEvent;
import static com.kingstonexpress.fulfillment.support.Webhooks.postCenter;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.support.OrderFixtures;
import com.kingstonexpress.platform.testing.EventContracts;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;

/** Producer side: what really reaches kx.fulfillment.status.v1 matches the checked-in schema and the contract's values. */
@QuarkusTest
class StatusReportedContractTest {

    @Inject
    OrderFixtures orders;
    @Inject
    ObjectMapper json;

    @Test
    void publishedStatusReportsMatchTheirSchema() throws Exception {
        Instant placedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String orderId = orders.kingstonOrder("seller-5", placedAt);
        postCenter(OrderFixtures.CENTER, batch(
                centerEvent("s-picked-" + orderId, orderId, "PICKED", placedAt.plusSeconds(60), ""),
                centerEvent("s-handed-" + orderId, orderId, "HANDED_TO_CARRIER", placedAt.plusSeconds(120),
                        ",\"carrier\":\"royal-parcel\",\"trackingNumber\":\"RP-C-1\""),
                centerEvent("s-delivered-" + orderId, orderId, "DELIVERED", placedAt.plusSeconds(600),
                        ",\"proof\":\"signature:J.Doe\""),
                centerEvent("s-transit-" + orderId, orderId, "CUSTOMS_HOLD", placedAt.plusSeconds(300), "")))
                .statusCode(202);

        List<ConsumerRecord<String, String>> records = KafkaTopics.await("kx.fulfillment.status.v1",
                r -> orderId.equals(r.key()), l -> l.size() >= 3, OrderFixtures.WAIT);
        Path schema = EventContracts.schemaOf("fulfillment-service", "fulfillment.status-reported.v1");
        for (ConsumerRecord<String, String> r : records) {
            EventContracts.assertMatches(schema, r.value());
        }
        // The late customs hold is older than the delivery that already ended it: kept, not reported.
        assertEquals(3, records.size());
        JsonNode delivered = json.readTree(records.get(2).value());
        assertEquals("com.kingstonexpress.fulfillment.status-reported.v1", delivered.get("type").asText());
        assertEquals(orderId, delivered.get("subject").asText());
        JsonNode data = delivered.get("data");
        assertEquals("CENTER", data.get("source").asText());
        assertEquals(OrderFixtures.CENTER, data.get("sourceId").asText());
        assertEquals("s-delivered-" + orderId, data.get("sourceEventId").asText());
        assertEquals("DELIVERED", data.get("eventType").asText());
        assertEquals(placedAt.plusSeconds(600), Instant.parse(data.get("occurredAt").asText()));
        assertEquals(false, data.get("late").asBoolean());
        assertEquals("royal-parcel", data.get("carrier").asText());
        assertEquals("RP-C-1", data.get("trackingNumber").asText());
        assertEquals("signature:J.Doe", data.get("proof").asText());
        assertEquals("London hub", data.get("location").asText());
        assertEquals("DELIVERED", data.get("status").asText());
        assertEquals(1L, json.readTree(records.get(0).value()).get("sequence").asLong());
    }
}
