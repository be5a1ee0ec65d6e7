package com.kingstonexpress.messaging.conversation;

import static com.kingstonexpress.messaging.support.Messaging.WAIT;
import static com.kingstonexpress.messaging.support.Messaging.customerMessage;
import static com.kingstonexpress.messaging.support.Messaging.placeOrder;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.messaging.conversation.events.CustomerMessageReceived;
import com.kingstonexpress.messaging.conversation.events.EscalationDetected;
import com.kingstonexpress.messaging.conversation.events.MessagingEventTypes;
import com.kingstonexpress.messaging.conversation.events.SellerReplied;
import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.testing.EventContracts;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * What messaging-service really publishes on kx.messaging.v1, read back from Kafka and validated
 * against its schemas (producer contract), and published exactly once per fact.
 */
@QuarkusTest
class MessagingEventsContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static List<JsonNode> eventsOf(String orderId, int atLeast) {
        List<ConsumerRecord<String, String>> records = KafkaTopics.await(MessagingEventTypes.TOPIC, r -> orderId.equals(r.key()),
                l -> l.size() >= atLeast, WAIT);
        return records.stream().map(r -> {
            try {
                return JSON.readTree(r.value());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static List<ConsumerRecord<String, String>> allEventsOf(String orderId) {
        return KafkaTopics.readAll(MessagingEventTypes.TOPIC, r -> orderId.equals(r.key()));
    }

    private static Path schema(String event) {
        return EventContracts.schemaOf("messaging-service", event);
    }

    @Test
    void customerMessagesRepliesAndEscalationsAreAnnouncedAsTheirSchemasSay() {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "customer-1", "SELLER_MANAGED");
        String messageId = UUID.randomUUID().toString();
        String conversationId = customerMessage(messageId, orderId, "customer-1",
                "It's been two weeks. If it is not here by Monday I will open a dispute and leave a 1-star review.").statusCode(201)
                .extract().path("conversationId");
        String replyId = given().auth().oauth2(DevTokens.seller(seller)).contentType(ContentType.JSON)
                .body(Map.of("body", "I'm sorry for the wait. I've asked the carrier for an update and will come back to you today."))
                .post("/api/v1/conversations/" + conversationId + "/messages").then().statusCode(201).extract().path("messageId");

        List<JsonNode> events = eventsOf(orderId, 3);
        assertEquals(List.of(CustomerMessageReceived.TYPE, EscalationDetected.TYPE,
                SellerReplied.TYPE), events.stream().map(e -> e.get("type").asText()).toList());
        for (JsonNode event : events) {
            String name = event.get("type").asText().substring("com.kingstonexpress.".length());
            EventContracts.assertMatches(schema(name), event.toString());
            assertEquals(orderId, event.get("subject").asText());
            assertEquals(orderId, event.at("/data/orderId").asText());
            assertEquals(conversationId, event.at("/data/conversationId").asText());
            assertEquals(seller, event.at("/data/sellerId").asText());
        }
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> e.get("sequence").asLong()).toList());

        JsonNode received = events.get(0).get("data");
        assertEquals(messageId, received.get("messageId").asText());
        assertEquals(1, received.get("waitingMessages").asInt());

        JsonNode escalation = events.get(1).get("data");
        assertEquals(messageId, escalation.get("messageId").asText());
        List<String> signals = JSON.convertValue(escalation.get("signals"), List.class);
        assertTrue(signals.containsAll(List.of("DISPUTE_THREAT", "BAD_REVIEW_THREAT")), signals.toString());
        assertEquals("If it is not here by Monday I will open a dispute and leave a 1-star review.", escalation.get("excerpt").asText());

        JsonNode replied = events.get(2).get("data");
        assertEquals(replyId, replied.get("messageId").asText());
        assertTrue(replied.get("firstReply").asBoolean());
        assertTrue(replied.get("responseSeconds").asLong() >= 0);
    }

    @Test
    void aFollowUpReplyIsNotAFirstReplyAndAnswersNothingWaiting() {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "customer-2", "KINGSTON_DISPATCHED");
        String conversationId = customerMessage(UUID.randomUUID().toString(), orderId, "customer-2", "Hi, quick question about my order.")
                .statusCode(201).extract().path("conversationId");
        for (String body : List.of("Of course, how can I help?", "Also, your order has now left the warehouse.")) {
            given().auth().oauth2(DevTokens.seller(seller)).contentType(ContentType.JSON).body(Map.of("body", body))
                    .post("/api/v1/conversations/" + conversationId + "/messages").then().statusCode(201);
        }
        List<JsonNode> replies = eventsOf(orderId, 3).stream()
                .filter(e -> e.get("type").asText().equals(SellerReplied.TYPE)).toList();
        assertEquals(2, replies.size());
        assertTrue(replies.get(0).at("/data/firstReply").asBoolean());
        assertFalse(replies.get(1).at("/data/firstReply").asBoolean());
        assertTrue(replies.get(1).at("/data/responseSeconds").isNull(), "nothing was waiting for the follow-up");
        EventContracts.assertMatches(schema("messaging.seller-replied.v1"), replies.get(1).toString());
    }

    @Test
    void anEscalationIsPublishedOnceEvenWhenTheCustomerMessageIsRetried() {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "customer-3", "SELLER_MANAGED");
        String messageId = UUID.randomUUID().toString();
        String threat = "I am contacting my lawyer and filing a chargeback today.";
        for (int attempt = 0; attempt < 3; attempt++) {
            customerMessage(messageId, orderId, "customer-3", threat).statusCode(201);
        }
        // A later message from the same order marks the end of what the retries could have caused.
        customerMessage(UUID.randomUUID().toString(), orderId, "customer-3", "Please reply.").statusCode(201);
        eventsOf(orderId, 3);

        List<ConsumerRecord<String, String>> all = allEventsOf(orderId);
        long escalations = all.stream().filter(r -> r.value().contains(EscalationDetected.TYPE)).count();
        long received = all.stream().filter(r -> r.value().contains(CustomerMessageReceived.TYPE)).count();
        assertEquals(1, escalations);
        assertEquals(2, received);
    }

    @Test
    void threeUnansweredMessagesHandTheConversationToSupportOnce() {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "customer-4", "SELLER_MANAGED");
        for (String body : List.of("Hello?", "Any news on my order?", "Is anyone there?", "Still waiting.")) {
            customerMessage(UUID.randomUUID().toString(), orderId, "customer-4", body).statusCode(201);
        }
        List<JsonNode> events = eventsOf(orderId, 5);
        List<JsonNode> escalations = events.stream()
                .filter(e -> e.get("type").asText().equals(EscalationDetected.TYPE)).toList();
        assertEquals(1, escalations.size());
        JsonNode data = escalations.get(0).get("data");
        assertEquals(List.of("REPEATED_UNANSWERED"), JSON.convertValue(data.get("signals"), List.class));
        assertEquals(3, data.get("unansweredMessages").asInt());
        assertEquals("Is anyone there?", data.get("excerpt").asText());
        EventContracts.assertMatches(schema("messaging.escalation-detected.v1"), escalations.get(0).toString());
    }
}
