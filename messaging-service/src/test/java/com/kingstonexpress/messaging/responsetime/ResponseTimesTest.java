package com.kingstonexpress.messaging.responsetime;

import static com.kingstonexpress.messaging.support.Messaging.customerWrites;
import static com.kingstonexpress.messaging.support.Messaging.placeOrder;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.infra.DevTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** A seller's response times, from conversations made through the API and from known first-reply times. */
@QuarkusTest
class ResponseTimesTest {

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void countsWaitingMessagesAndNamesTheOldestWaitingConversation() {
        String seller = "seller-" + UUID.randomUUID();
        String token = DevTokens.seller(seller);
        given().auth().oauth2(token).get("/api/v1/messaging/response-times").then().statusCode(200)
                .body("conversations", equalTo(0)).body("firstReplySeconds", nullValue()).body("messagesWaiting", equalTo(0))
                .body("conversationsAwaitingReply", equalTo(0)).body("oldestWaiting", nullValue());

        String oldest = customerWrites(placeOrder(seller, "customer-1", "SELLER_MANAGED"), "customer-1", "First question");
        customerWrites(placeOrder(seller, "customer-1", "SELLER_MANAGED"), "customer-1", "Second order question");
        String waitingOrder = placeOrder(seller, "customer-2", "KINGSTON_DISPATCHED");
        String answered = customerWrites(waitingOrder, "customer-2", "Hello");
        customerWrites(waitingOrder, "customer-2", "Hello again");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("body", "Hi! Your order is with the carrier."))
                .post("/api/v1/conversations/" + answered + "/messages").then().statusCode(201);

        given().auth().oauth2(token).get("/api/v1/messaging/response-times").then().statusCode(200)
                .body("sellerId", equalTo(seller)).body("conversations", equalTo(3)).body("conversationsWithFirstReply", equalTo(1))
                .body("firstReplySeconds.p50", greaterThanOrEqualTo(0)).body("messagesWaiting", equalTo(2))
                .body("conversationsAwaitingReply", equalTo(2)).body("oldestWaiting.conversationId", equalTo(oldest))
                .body("oldestWaiting.since", notNullValue()).body("oldestWaiting.ageSeconds", greaterThanOrEqualTo(0));
        given().auth().oauth2(DevTokens.seller("seller-" + UUID.randomUUID())).get("/api/v1/messaging/response-times").then()
                .statusCode(200).body("conversations", equalTo(0));
        given().auth().oauth2(DevTokens.storefront()).get("/api/v1/messaging/response-times").then().statusCode(403);
        given().get("/api/v1/messaging/response-times").then().statusCode(401);
    }

    @Test
    void firstReplyPercentilesAreNearestRankOverConversationsWithAFirstReply() {
        String seller = "seller-" + UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 1; i <= 10; i++) {
                conversation(seller, start, (long) i * 10);
            }
            conversation(seller, start, null);
        });
        given().auth().oauth2(DevTokens.seller(seller)).get("/api/v1/messaging/response-times").then().statusCode(200)
                .body("conversations", equalTo(11)).body("conversationsWithFirstReply", equalTo(10))
                .body("firstReplySeconds.p50", equalTo(50)).body("firstReplySeconds.p90", equalTo(90))
                .body("firstReplySeconds.p99", equalTo(100)).body("messagesWaiting", equalTo(1))
                .body("oldestWaiting.ageSeconds", greaterThanOrEqualTo(3 * 3600));
    }

    /** A conversation with a known first-reply time (or one still waiting when {@code firstReplySeconds} is null). */
    private void conversation(String seller, OffsetDateTime openedAt, Long firstReplySeconds) {
        String orderId = UUID.randomUUID().toString();
        em.createNativeQuery("""
                INSERT INTO order_projection (order_id, seller_id, customer_id, order_type, status, last_sequence, updated_at)
                VALUES (?1, ?2, 'customer-1', 'SELLER_MANAGED', 'NEW', 1, ?3)""")
                .setParameter(1, orderId).setParameter(2, seller).setParameter(3, openedAt).executeUpdate();
        boolean waiting = firstReplySeconds == null;
        em.createNativeQuery("""
                INSERT INTO conversation (conversation_id, order_id, seller_id, customer_id, opened_at, last_message_at,
                    first_customer_message_at, awaiting_since, waiting_messages, first_reply_at, first_reply_seconds, version)
                VALUES (?1, ?2, ?3, 'customer-1', ?4, ?4, ?4, ?5, ?6, ?7, ?8, 0)""")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, orderId).setParameter(3, seller)
                .setParameter(4, openedAt).setParameter(5, waiting ? openedAt : null).setParameter(6, waiting ? 1 : 0)
                .setParameter(7, waiting ? null : openedAt.plusSeconds(firstReplySeconds)).setParameter(8, firstReplySeconds)
                .executeUpdate();
    }
}
