package com.kingstonexpress.support.contract;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.testing.EventContracts;
import com.kingstonexpress.platform.testing.KafkaTopics;
import com.kingstonexpress.support.Db;
import com.kingstonexpress.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What this service really publishes on kx.support.v1 (read back from Kafka) matches its schemas. */
@QuarkusTest
class SupportEventsContractTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Db db;
    @Inject
    ObjectMapper json;

    @Test
    void ticketOpenedAndStatusChangedMatchTheirSchemas() throws Exception {
        String seller = "seller-" + Fixtures.newId();
        String orderId = Fixtures.newId();
        Fixtures.sendPlaced(orderId, seller, "KINGSTON_DISPATCHED");
        await().atMost(WAIT).until(() -> db.knowsOrder(orderId));
        String ticketId = given().auth().oauth2(DevTokens.seller(seller)).contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId, "category", "CUSTOMER_ESCALATION", "description", "threatens a chargeback"))
                .when().post("/api/v1/tickets").then().statusCode(201).extract().path("ticketId");
        given().auth().oauth2(DevTokens.supportAgent("agent-9")).when().post("/api/v1/tickets/" + ticketId + "/assignment")
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> records = KafkaTopics.await("kx.support.v1", r -> ticketId.equals(r.key()),
                l -> l.size() >= 2, WAIT);
        assertEquals(2, records.size());

        String opened = records.get(0).value();
        EventContracts.assertMatches(EventContracts.schemaOf("support-service", "support.ticket-opened.v1"), opened);
        JsonNode openedEvent = json.readTree(opened);
        assertEquals(ticketId, openedEvent.get("subject").asText());
        assertEquals(1, openedEvent.get("sequence").asInt());
        assertEquals("HIGH", openedEvent.at("/data/priority").asText());
        assertEquals(orderId, openedEvent.at("/data/orderId").asText());

        String changed = records.get(1).value();
        EventContracts.assertMatches(EventContracts.schemaOf("support-service", "support.ticket-status-changed.v1"), changed);
        JsonNode changedEvent = json.readTree(changed);
        assertEquals("OPEN", changedEvent.at("/data/from").asText());
        assertEquals("IN_PROGRESS", changedEvent.at("/data/status").asText());
        assertEquals("agent-9", changedEvent.at("/data/actorId").asText());
        assertEquals(2, changedEvent.get("sequence").asInt());
    }
}
