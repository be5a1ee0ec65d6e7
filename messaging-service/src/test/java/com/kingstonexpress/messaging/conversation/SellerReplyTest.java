package com.kingstonexpress.messaging.conversation;

import static com.kingstonexpress.messaging.support.Messaging.count;
import static com.kingstonexpress.messaging.support.Messaging.customerWrites;
import static com.kingstonexpress.messaging.support.Messaging.placeOrder;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.testing.Metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Seller replies pass the reply checks before anything is stored or sent. */
@QuarkusTest
class SellerReplyTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private String seller;
    private String orderId;
    private String conversationId;

    private String openConversation() {
        seller = "seller-" + UUID.randomUUID();
        orderId = placeOrder(seller, "customer-1", "SELLER_MANAGED");
        conversationId = customerWrites(orderId, "customer-1", "When will my parcel arrive?");
        return conversationId;
    }

    private RequestSpecification asSeller() {
        return given().auth().oauth2(DevTokens.seller(seller)).contentType(ContentType.JSON);
    }

    /** Seller messages stored, and refused replies leave no trace in the outbox either. */
    private long sellerMessages() {
        long stored = count("SELECT count(*) FROM message WHERE conversation_id = ?1 AND author_kind = 'SELLER'", conversationId);
        assertEquals(stored, count("SELECT count(*) FROM kx_outbox WHERE record_key = ?1 AND event_type = ?2", orderId,
                "com.kingstonexpress.messaging.seller-replied.v1"));
        return stored;
    }

    @Test
    void theReplyCheckPreviewsFindingsAndSendsNothing() {
        openConversation();
        String before = Metrics.scrape();
        asSeller().body(Map.of("body", "It will definitely arrive tomorrow. The courier is useless though."))
                .post("/api/v1/conversations/" + conversationId + "/reply-check").then().statusCode(200)
                .body("findings.ruleId", contains("MSG_GUARANTEED_DATE", "MSG_BLAME", "MSG_TONE"))
                .body("findings[0].severity", equalTo("BLOCK")).body("findings[0].excerpt", equalTo("It will definitely arrive tomorrow."))
                .body("findings[0].reason", containsString("Never promise guaranteed delivery dates"))
                .body("findings[0].suggestion", containsString("estimates delivery tomorrow"))
                .body("findings[1].severity", equalTo("WARN")).body("sendable", equalTo(false))
                .body("warningsToAcknowledge", contains("MSG_BLAME", "MSG_TONE"));
        asSeller().body(Map.of("body", "Tracking shows it is out for delivery today."))
                .post("/api/v1/conversations/" + conversationId + "/reply-check").then().statusCode(200)
                .body("findings", empty()).body("sendable", equalTo(true));
        asSeller().body(Map.of("body", "   ")).post("/api/v1/conversations/" + conversationId + "/reply-check").then().statusCode(200)
                .body("findings.ruleId", contains("MSG_EMPTY"));
        assertEquals(0, sellerMessages());
        // Each finding counted by rule on /q/metrics (management port): kx_reply_check_findings_total{rule, step="check"}.
        String after = Metrics.scrape();
        for (String rule : List.of("MSG_GUARANTEED_DATE", "MSG_BLAME", "MSG_TONE", "MSG_EMPTY")) {
            assertEquals(Metrics.valueIn(before, "kx_reply_check_findings_total", "rule", rule, "step", "check") + 1,
                    Metrics.valueIn(after, "kx_reply_check_findings_total", "rule", rule, "step", "check"), rule);
        }
    }

    @Test
    void aBlockedReplyIs422WithFindingsAndNothingIsStoredEvenWhenWarningsAreAcknowledged() {
        openConversation();
        asSeller().body(Map.of("body", "Guaranteed delivery by the 5th, the courier is useless.", "acknowledgedWarnings",
                List.of("MSG_BLAME", "MSG_TONE"))).post("/api/v1/conversations/" + conversationId + "/messages").then().statusCode(422)
                .contentType("application/problem+json").body("findings.ruleId", hasItem("MSG_GUARANTEED_DATE"))
                .body("findings.find { it.ruleId == 'MSG_GUARANTEED_DATE' }.severity", equalTo("BLOCK"))
                .body("unacknowledgedWarnings", empty());
        asSeller().body(Map.of("body", "x".repeat(2001))).post("/api/v1/conversations/" + conversationId + "/messages").then()
                .statusCode(422).body("findings.ruleId", contains("MSG_TOO_LONG"));
        asSeller().body(Map.of("body", "")).post("/api/v1/conversations/" + conversationId + "/messages").then()
                .statusCode(422).body("findings.ruleId", contains("MSG_EMPTY"));
        assertEquals(0, sellerMessages());
        assertEquals(1, count("SELECT waiting_messages FROM conversation WHERE conversation_id = ?1", conversationId));
    }

    @Test
    void aWarnedReplyIs422UntilItsWarningsAreAcknowledgedThenStoredWithTheAcknowledgement() {
        openConversation();
        String body = "Sorry, the courier lost it. I'm sending a replacement today and will share tracking as soon as I have it.";
        asSeller().body(Map.of("body", body)).post("/api/v1/conversations/" + conversationId + "/messages").then().statusCode(422)
                .contentType("application/problem+json").body("findings.ruleId", contains("MSG_BLAME"))
                .body("unacknowledgedWarnings", contains("MSG_BLAME"));
        asSeller().body(Map.of("body", body, "acknowledgedWarnings", List.of("MSG_TONE"))).post("/api/v1/conversations/" + conversationId
                + "/messages").then().statusCode(422).body("unacknowledgedWarnings", contains("MSG_BLAME"));
        assertEquals(0, sellerMessages());

        String messageId = asSeller().body(Map.of("body", body, "acknowledgedWarnings", List.of("MSG_BLAME")))
                .post("/api/v1/conversations/" + conversationId + "/messages").then().statusCode(201)
                .header("Location", containsString("/api/v1/conversations/" + conversationId + "/messages/"))
                .body("authorKind", equalTo("SELLER")).body("body", equalTo(body)).body("acknowledgedWarnings", contains("MSG_BLAME"))
                .body("sentAt", notNullValue()).extract().path("messageId");

        assertEquals(1, sellerMessages());
        assertEquals(1, count("SELECT count(*) FROM message WHERE message_id = ?1 AND acknowledged_warnings = 'MSG_BLAME'", messageId));
        asSeller().get("/api/v1/conversations/" + conversationId).then().statusCode(200).body("messages", hasSize(2))
                .body("messages[1].acknowledgedWarnings", contains("MSG_BLAME")).body("awaitingReply", equalTo(false))
                .body("waitingMessages", equalTo(0)).body("firstReplyAt", notNullValue());
    }

    @Test
    void aCleanReplyIsSentWithoutAcknowledgingAnything() {
        openConversation();
        asSeller().body(Map.of("body", "Thanks for your patience! The estimated delivery is Friday, though we cannot guarantee it."))
                .post("/api/v1/conversations/" + conversationId + "/messages").then().statusCode(201)
                .body("acknowledgedWarnings", empty());
        assertEquals(1, sellerMessages());
    }

    /** The "messages waiting" gauges follow the conversation table: up by the customer's messages, down on the reply. */
    @Test
    void messagesWaitingForTheSellerAreAGaugeThatTheReplyClears() {
        openConversation();
        customerWrites(orderId, "customer-1", "Is there any news?");
        long waiting = waitingGaugesMatchTheTable();
        assertTrue(waiting >= 2, "this conversation's two messages wait: " + waiting);
        asSeller().body(Map.of("body", "Thanks for your patience! The estimated delivery is Friday, though we cannot guarantee it."))
                .post("/api/v1/conversations/" + conversationId + "/messages").then().statusCode(201);
        assertEquals(waiting - 2, waitingGaugesMatchTheTable());
    }

    /** Waits out the gauges' cache until they show the table's figures, and returns the messages waiting. */
    private long waitingGaugesMatchTheTable() {
        long messages = count("SELECT COALESCE(sum(waiting_messages), 0) FROM conversation WHERE awaiting_since IS NOT NULL");
        long conversations = count("SELECT count(*) FROM conversation WHERE awaiting_since IS NOT NULL");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = Metrics.scrape();
            assertEquals(messages, Metrics.valueIn(scrape, "kx_messages_waiting"));
            assertEquals(conversations, Metrics.valueIn(scrape, "kx_conversations_awaiting_reply"));
            assertTrue(Metrics.valueIn(scrape, "kx_messages_oldest_waiting_age_seconds") >= 0);
        });
        return messages;
    }

    @Test
    void badRepliesAre400AndStoreNothing() {
        openConversation();
        List<String> bodies = List.of("{}", "{\"body\":null}", "{\"body\":42,\"acknowledgedWarnings\":\"MSG_BLAME\"}",
                "{\"body\":\"Hello\",\"acknowledgedWarnings\":[\"NOT_A_RULE\"]}",
                "{\"body\":\"Hello\",\"acknowledgedWarnings\":[\"MSG_GUARANTEED_DATE\"]}",
                "{\"body\":\"Hello\",\"acknowledgedWarnings\":[\"\"]}",
                "{\"body\":\"" + "x".repeat(20_001) + "\"}", "{\"body\":", "");
        for (String body : bodies) {
            asSeller().body(body).post("/api/v1/conversations/" + conversationId + "/messages").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        asSeller().body("{}").post("/api/v1/conversations/" + conversationId + "/reply-check").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("body", "Hello")).post("/api/v1/conversations/" + conversationId + "/messages")
                .then().statusCode(401);
        given().auth().oauth2(DevTokens.storefront()).contentType(ContentType.JSON).body(Map.of("body", "Hello"))
                .post("/api/v1/conversations/" + conversationId + "/messages").then().statusCode(403);
        assertEquals(0, sellerMessages());
    }
}
