package com.kingstonexpress.messaging.conversation;

import static com.kingstonexpress.messaging.support.Messaging.WAIT;
import static com.kingstonexpress.messaging.support.Messaging.count;
import static com.kingstonexpress.messaging.support.Messaging.customerMessage;
import static com.kingstonexpress.messaging.support.Messaging.customerWrites;
import static com.kingstonexpress.messaging.support.Messaging.placeOrder;
import static com.kingstonexpress.messaging.support.Messaging.projected;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.messaging.order.domain.OrderStatus;
import com.kingstonexpress.messaging.support.OrderEvents;
import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.testing.Callers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Customer messages in, conversations out, against the real database and broker. */
@QuarkusTest
class ConversationApiTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aCustomerMessageOpensTheOrdersConversationWhichItsSellerReadsWithTheOrderBesideIt() {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "customer-1", "KINGSTON_DISPATCHED");
        String messageId = UUID.randomUUID().toString();

        String conversationId = customerMessage(messageId, orderId, "customer-1", "Hi, where is my kettle?")
                .statusCode(201)
                .header("Location", endsWith("/messages/" + messageId))
                .body("messageId", equalTo(messageId)).body("orderId", equalTo(orderId)).body("customerId", equalTo("customer-1"))
                .body("body", equalTo("Hi, where is my kettle?")).body("receivedAt", notNullValue())
                .extract().path("conversationId");

        given().auth().oauth2(DevTokens.seller(seller)).get("/api/v1/conversations/" + conversationId).then().statusCode(200)
                .body("conversationId", equalTo(conversationId)).body("orderId", equalTo(orderId)).body("sellerId", equalTo(seller))
                .body("order.type", equalTo("KINGSTON_DISPATCHED")).body("order.status", equalTo("NEW"))
                .body("awaitingReply", equalTo(true)).body("waitingMessages", equalTo(1))
                .body("messages", hasSize(1)).body("messages[0].authorKind", equalTo("CUSTOMER"))
                .body("messages[0].body", equalTo("Hi, where is my kettle?"));

        // A second message goes to the same conversation: one conversation per order.
        assertEquals(conversationId, customerWrites(orderId, "customer-1", "Any news?"));
        given().auth().oauth2(DevTokens.seller(seller)).get("/api/v1/conversations/" + conversationId).then().statusCode(200)
                .body("messages.body", contains("Hi, where is my kettle?", "Any news?")).body("waitingMessages", equalTo(2));
        assertEquals(1, conversationsOf(orderId));
    }

    @Test
    void theLocationNamesTheStoredMessage() {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "customer-1", "SELLER_MANAGED");
        String messageId = UUID.randomUUID().toString();
        var response = customerMessage(messageId, orderId, "customer-1", "Hello").statusCode(201).extract();
        String conversationId = response.path("conversationId");
        assertEquals("/api/v1/conversations/" + conversationId + "/messages/" + messageId,
                java.net.URI.create(response.header("Location")).getPath());
        given().auth().oauth2(DevTokens.seller(seller)).get(java.net.URI.create(response.header("Location")).getPath()).then()
                .statusCode(200).body("messageId", equalTo(messageId)).body("authorKind", equalTo("CUSTOMER"));
    }

    @Test
    void aRetriedCustomerMessageIsStoredOnceAndAnsweredTheSame() {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "customer-2", "SELLER_MANAGED");
        String messageId = UUID.randomUUID().toString();

        Map<String, Object> first = customerMessage(messageId, orderId, "customer-2", "Is it shipped yet?").statusCode(201)
                .extract().jsonPath().getMap("");
        Map<String, Object> retry = customerMessage(messageId, orderId, "customer-2", "Is it shipped yet?").statusCode(201)
                .extract().jsonPath().getMap("");

        assertEquals(first, retry);
        assertEquals(1, messagesWithId(messageId));
        assertEquals(1, waitingOn(orderId),
                "a retry does not count as another waiting message");
        assertEquals(1, eventsAbout(orderId), "and announces nothing again");
    }

    @Test
    void concurrentFirstMessagesAndRetriesOpenOneConversationAndStoreEachMessageOnce() throws Exception {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "customer-11", "SELLER_MANAGED");
        String retried = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String messageId = i < 3 ? retried : UUID.randomUUID().toString();
                answers.add(pool.submit(() -> customerMessage(messageId, orderId, "customer-11", "Same words").extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(201, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, conversationsOf(orderId));
        assertEquals(4, messagesOn(orderId));
        assertEquals(4, waitingOn(orderId));
    }

    @Test
    void theSameMessageIdWithOtherContentIsRefusedAndChangesNothing() {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "customer-3", "SELLER_MANAGED");
        String messageId = UUID.randomUUID().toString();
        customerMessage(messageId, orderId, "customer-3", "Original text").statusCode(201);

        customerMessage(messageId, orderId, "customer-3", "Different text").statusCode(422)
                .contentType("application/problem+json").body("messageId", equalTo(messageId));

        assertEquals(1, count("SELECT count(*) FROM message WHERE message_id = ?1 AND body = 'Original text'", messageId));
        assertEquals(1, waitingOn(orderId));
    }

    @Test
    void aMessageForAnUnknownOrderIs404AndForAnotherCustomer422() {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "customer-4", "SELLER_MANAGED");
        String unknown = UUID.randomUUID().toString();

        customerMessage(UUID.randomUUID().toString(), unknown, "customer-4", "Hello").statusCode(404)
                .contentType("application/problem+json");
        customerMessage(UUID.randomUUID().toString(), orderId, "someone-else", "Hello").statusCode(422)
                .contentType("application/problem+json");

        assertEquals(0, count("SELECT count(*) FROM conversation WHERE order_id IN (?1, ?2)", orderId, unknown));
    }

    @Test
    void badCustomerMessagesAre400AndStoreNothing() {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "customer-5", "SELLER_MANAGED");
        String messageId = UUID.randomUUID().toString();
        List<String> bodies = List.of(
                "{\"messageId\":\"" + messageId + "\",\"orderId\":\"" + orderId + "\",\"customerId\":\"customer-5\"}",
                "{\"messageId\":\"" + messageId + "\",\"orderId\":\"" + orderId + "\",\"customerId\":\"customer-5\",\"body\":\"   \"}",
                "{\"messageId\":\"" + messageId + "\",\"orderId\":\"" + orderId + "\",\"customerId\":\"customer-5\",\"body\":\""
                        + "x".repeat(5001) + "\"}",
                "{\"messageId\":\"" + "m".repeat(101) + "\",\"orderId\":\"" + orderId + "\",\"customerId\":\"customer-5\",\"body\":\"hi\"}",
                "{\"orderId\":\"" + orderId + "\",\"customerId\":\"customer-5\",\"body\":\"hi\"}",
                "{\"messageId\":\"" + messageId + "\",\"orderId\":[1],\"customerId\":\"customer-5\",\"body\":\"hi\"}",
                "{\"messageId\":\"" + messageId + "\",",
                "");
        for (String body : bodies) {
            Callers.asStorefront().body(body).post("/api/v1/customer-messages").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        assertEquals(0, conversationsOf(orderId));
        assertEquals(0, messagesWithId(messageId));
        assertEquals(0, eventsAbout(orderId));
    }

    @Test
    void onlyTheStorefrontRelaysCustomerMessages() {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "customer-6", "SELLER_MANAGED");
        Map<String, String> body = Map.of("messageId", UUID.randomUUID().toString(), "orderId", orderId, "customerId", "customer-6",
                "body", "hi");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/customer-messages").then().statusCode(401);
        given().contentType(ContentType.JSON).auth().oauth2(DevTokens.seller(seller)).body(body).post("/api/v1/customer-messages")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).auth().oauth2(DevTokens.token("storefront", java.util.Set.of("storefront"), null,
                java.time.Duration.ofMinutes(-5))).body(body).post("/api/v1/customer-messages").then().statusCode(401);
        assertEquals(0, conversationsOf(orderId));
    }

    @Test
    void anotherSellersConversationIsNotFound() {
        String owner = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(owner, "customer-7", "SELLER_MANAGED");
        String conversationId = customerWrites(orderId, "customer-7", "Hello?");
        String other = DevTokens.seller("seller-" + UUID.randomUUID());

        given().auth().oauth2(other).get("/api/v1/conversations/" + conversationId).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of("body", "Hello"))
                .post("/api/v1/conversations/" + conversationId + "/reply-check").then().statusCode(404);
        given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of("body", "Hello"))
                .post("/api/v1/conversations/" + conversationId + "/messages").then().statusCode(404);
        given().auth().oauth2(other).get("/api/v1/conversations?orderId=" + orderId).then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(DevTokens.seller(owner)).get("/api/v1/conversations/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(DevTokens.supportAgent("agent-1")).get("/api/v1/conversations/" + conversationId).then().statusCode(200);
        assertEquals(1, count("SELECT count(*) FROM message WHERE conversation_id = ?1", conversationId));
    }

    /** #12 L7: agents may read any conversation, and each such read leaves an audit line with ids, never the text. */
    @Test
    void anAgentsReadIsAuditedWithIdsButNotTheText() {
        String owner = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(owner, "customer-7", "SELLER_MANAGED");
        String conversationId = customerWrites(orderId, "customer-7", "My secret address is 1 Acacia Road");
        List<LogRecord> audited = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                audited.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger audit = java.util.logging.Logger.getLogger("com.kingstonexpress.messaging.audit");
        audit.addHandler(capture);
        try {
            given().auth().oauth2(DevTokens.seller(owner)).get("/api/v1/conversations/" + conversationId).then().statusCode(200);
            assertEquals(List.of(), audited, "a seller's own read is not an agent read");
            given().auth().oauth2(DevTokens.supportAgent("agent-audited")).get("/api/v1/conversations/" + conversationId)
                    .then().statusCode(200);
        } finally {
            audit.removeHandler(capture);
        }
        assertEquals(1, audited.size());
        LogRecord line = audited.get(0);
        // The format and its arguments, however the log manager formats them later.
        String text = line.getMessage() + " " + java.util.Arrays.toString(line.getParameters());
        assertTrue(text.startsWith("agent-read"), text);
        for (String id : List.of("agent-audited", conversationId, orderId)) {
            assertTrue(text.contains(id), id + " in " + text);
        }
        assertFalse(text.contains("Acacia"), "no message text in the audit line: " + text);
    }

    @Test
    void sellersListTheirConversationsFilteredAndPaged() {
        String seller = "seller-" + UUID.randomUUID();
        String token = DevTokens.seller(seller);
        String answeredOrder = placeOrder(seller, "customer-8", "SELLER_MANAGED");
        String waitingOrder1 = placeOrder(seller, "customer-8", "KINGSTON_DISPATCHED");
        String waitingOrder2 = placeOrder(seller, "customer-9", "SELLER_MANAGED");
        String answered = customerWrites(answeredOrder, "customer-8", "Thanks for the quick dispatch.");
        String waiting1 = customerWrites(waitingOrder1, "customer-8", "When will it ship?");
        String waiting2 = customerWrites(waitingOrder2, "customer-9", "Can I change the colour?");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("body", "You're welcome, enjoy it!"))
                .post("/api/v1/conversations/" + answered + "/messages").then().statusCode(201);

        given().auth().oauth2(token).get("/api/v1/conversations").then().statusCode(200)
                .body("items.conversationId", contains(waiting2, waiting1, answered)).body("nextCursor", nullValue());
        given().auth().oauth2(token).queryParam("awaitingReply", true).get("/api/v1/conversations").then().statusCode(200)
                .body("items.conversationId", contains(waiting2, waiting1)).body("items[0].order.type", equalTo("SELLER_MANAGED"))
                .body("items[1].order.type", equalTo("KINGSTON_DISPATCHED")).body("items[0].awaitingReply", equalTo(true));
        given().auth().oauth2(token).queryParam("awaitingReply", false).get("/api/v1/conversations").then().statusCode(200)
                .body("items.conversationId", contains(answered)).body("items[0].firstReplySeconds", notNullValue());
        given().auth().oauth2(token).queryParam("orderId", waitingOrder1).get("/api/v1/conversations").then().statusCode(200)
                .body("items.conversationId", contains(waiting1));

        String cursor = given().auth().oauth2(token).queryParam("limit", 2).get("/api/v1/conversations").then().statusCode(200)
                .body("items.conversationId", contains(waiting2, waiting1)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().auth().oauth2(token).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/conversations").then()
                .statusCode(200).body("items.conversationId", contains(answered)).body("nextCursor", nullValue());

        given().auth().oauth2(token).queryParam("limit", 0).get("/api/v1/conversations").then().statusCode(400);
        given().auth().oauth2(token).queryParam("limit", 101).get("/api/v1/conversations").then().statusCode(400);
        given().auth().oauth2(token).queryParam("cursor", "not-a-cursor").get("/api/v1/conversations").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("awaitingReply", "maybe").get("/api/v1/conversations").then().statusCode(400);
        given().auth().oauth2(DevTokens.storefront()).get("/api/v1/conversations").then().statusCode(403);
    }

    @Test
    void theConversationFollowsTheOrdersStatusFromOrderEvents() {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "customer-10", "KINGSTON_DISPATCHED");
        String conversationId = customerWrites(orderId, "customer-10", "Has it left the warehouse?");

        OrderEvents.publish(orderId, OrderEvents.statusChanged(orderId, seller, "KINGSTON_DISPATCHED", "NEW", "PROCESSING", 2));
        OrderEvents.publish(orderId, OrderEvents.statusChanged(orderId, seller, "KINGSTON_DISPATCHED", "PROCESSING", "SHIPPED", 3));
        // A late copy of an older event (another event id, an older sequence) must not move the status back.
        OrderEvents.publish(orderId, OrderEvents.statusChanged(orderId, seller, "KINGSTON_DISPATCHED", "NEW", "PROCESSING", 2));
        OrderEvents.publish(orderId, OrderEvents.trackingAdded(orderId, seller, "royal-parcel", 4));
        await().atMost(WAIT).until(() -> "royal-parcel".equals(projected(orderId).carrier));
        assertEquals(OrderStatus.SHIPPED, projected(orderId).status);

        OrderEvents.publish(orderId, OrderEvents.cancelled(orderId, seller, 5));
        await().atMost(WAIT).until(() -> projected(orderId).status == OrderStatus.CANCELLED);

        given().auth().oauth2(DevTokens.seller(seller)).get("/api/v1/conversations/" + conversationId).then().statusCode(200)
                .body("order.status", equalTo("CANCELLED")).body("order.type", equalTo("KINGSTON_DISPATCHED"));
    }

    private static long conversationsOf(String orderId) {
        return count("SELECT count(*) FROM conversation WHERE order_id = ?1", orderId);
    }

    private static long messagesOn(String orderId) {
        return count("SELECT count(*) FROM message m JOIN conversation c USING (conversation_id) WHERE c.order_id = ?1", orderId);
    }

    private static long messagesWithId(String messageId) {
        return count("SELECT count(*) FROM message WHERE message_id = ?1", messageId);
    }

    /** Customer messages waiting for a seller reply on the order's conversation. */
    private static long waitingOn(String orderId) {
        return count("SELECT waiting_messages FROM conversation WHERE order_id = ?1", orderId);
    }

    /** Events the outbox recorded for the order (subject and key = orderId). */
    private static long eventsAbout(String orderId) {
        return count("SELECT count(*) FROM kx_outbox WHERE record_key = ?1", orderId);
    }
}
