package com.kingstonexpress.messaging.conversation;

import static com.kingstonexpress.messaging.support.Messaging.WAIT;
import static com.kingstonexpress.messaging.support.Messaging.customerWrites;
import static com.kingstonexpress.messaging.support.Messaging.projected;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.messaging.order.domain.AttentionFlag;
import com.kingstonexpress.messaging.order.persistence.OrderProjection;
import com.kingstonexpress.messaging.support.Messaging;
import com.kingstonexpress.messaging.support.OrderEvents;
import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * POST /api/v1/conversations/{conversationId}/draft-reply: a draft built from the order's facts as the
 * projection learns them from kx.orders.v1 and kx.platform.incidents.v1 (real broker, real database).
 */
@QuarkusTest
class DraftReplyTest {

    private static ValidatableResponse draft(String token, String conversationId) {
        return given().auth().oauth2(token).when().post("/api/v1/conversations/" + conversationId + "/draft-reply").then();
    }

    /** An order in a region of its own, so a slowdown declared for it covers no other test's orders. */
    private static String placeOrder(String seller, String type, String region) {
        String orderId = UUID.randomUUID().toString();
        OrderEvents.publish(orderId, OrderEvents.fill("order.placed.v1", Map.of("orderId", orderId, "sellerId", seller, "customerId",
                "customer-1", "type", type, "region", region, "fulfillmentCenterId",
                type.equals("KINGSTON_DISPATCHED") ? "\"center-london-1\"" : "null", "sequence", "1")));
        await().atMost(WAIT).until(() -> projected(orderId) != null);
        return orderId;
    }

    @Test
    void aSellerGetsADraftFromTheOrdersFactsThatPassesTheCheckAndIsSent() {
        String seller = "seller-" + UUID.randomUUID();
        String token = DevTokens.seller(seller);
        String type = "KINGSTON_DISPATCHED";
        String orderId = placeOrder(seller, type, "Region " + UUID.randomUUID());
        String conversationId = customerWrites(orderId, "customer-1", "Hi, where is my parcel? I need it soon.");
        String question = UUID.randomUUID().toString();
        Messaging.customerMessage(question, orderId, "customer-1", "Any news?").statusCode(201);

        draft(token, conversationId).statusCode(200).contentType(ContentType.JSON)
                .body("conversationId", equalTo(conversationId)).body("orderId", equalTo(orderId))
                .body("inReplyToMessageId", equalTo(question))
                .body("basedOn.status", equalTo("NEW")).body("basedOn.shippingMethod", equalTo("STANDARD"))
                .body("parts.statusMeaning", containsString("queued at the Kingston Express fulfilment centre"))
                .body("parts.estimate", containsString("an estimate, not a guarantee"))
                .body("check.findings", empty()).body("check.sendable", equalTo(true));

        OrderEvents.publish(orderId, OrderEvents.statusChanged(orderId, seller, type, "NEW", "SHIPPED", 2));
        OrderEvents.publish(orderId, OrderEvents.trackingAdded(orderId, seller, "royal-parcel", 3));
        OrderEvents.publish(orderId, OrderEvents.statusChanged(orderId, seller, type, "SHIPPED", "IN_TRANSIT", 4));
        OrderEvents.publish(orderId, OrderEvents.attention(true, orderId, seller, type, "CUSTOMS_HOLD", 5));
        await().atMost(WAIT).until(() -> projected(orderId).attention().contains(AttentionFlag.CUSTOMS_HOLD));

        String body = draft(token, conversationId).statusCode(200)
                .body("basedOn.status", equalTo("IN_TRANSIT")).body("basedOn.carrier", equalTo("royal-parcel"))
                .body("basedOn.trackingNumber", equalTo("RP123456789GB")).body("basedOn.attention", hasItem("CUSTOMS_HOLD"))
                .body("basedOn.latestUpdate", equalTo("CUSTOMS_HOLD")).body("basedOn.latestUpdateAt", equalTo("2026-11-28T11:30:00Z"))
                .body("parts.statusMeaning", containsString("with customs")).body("parts.estimate", nullValue())
                .body("body", containsString("The tracking number is RP123456789GB with Royal Parcel."))
                .body("body", containsString("\"held at customs\", recorded 28 November 2026 at 11:30 UTC"))
                .body("check.findings", empty()).extract().path("body");

        long messages = Messaging.count("SELECT count(*) FROM message WHERE conversation_id = ?1", conversationId);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("body", body, "acknowledgedWarnings", List.of()))
                .when().post("/api/v1/conversations/" + conversationId + "/messages").then().statusCode(201);
        assertEquals(messages + 1, Messaging.count("SELECT count(*) FROM message WHERE conversation_id = ?1", conversationId),
                "the draft itself stored nothing; sending it stored one reply");

        OrderEvents.publish(orderId, OrderEvents.attention(false, orderId, seller, type, "CUSTOMS_HOLD", 6));
        await().atMost(WAIT).until(() -> !projected(orderId).attention().contains(AttentionFlag.CUSTOMS_HOLD));
        draft(token, conversationId).statusCode(200).body("basedOn.latestUpdate", equalTo("CUSTOMS_HOLD_CLEARED"))
                .body("parts.statusMeaning", equalTo("Your order is on its way with Royal Parcel."))
                .body("parts.estimate", notNullValue()).body("check.findings", empty());
    }

    @Test
    void aSlowdownCoveringTheOrderIsPassedOnUntilResolved() {
        String seller = "seller-" + UUID.randomUUID();
        String token = DevTokens.seller(seller);
        String region = "Region " + UUID.randomUUID();
        String orderId = placeOrder(seller, "SELLER_MANAGED", region);
        String conversationId = customerWrites(orderId, "customer-1", "Why is it so slow?");
        String incidentId = "incident-" + UUID.randomUUID();
        String note = "Deliveries in your area are taking up to two extra days.";

        KafkaTopics.send("kx.platform.incidents.v1", incidentId, OrderEvents.incidentDeclared(incidentId, region, note));
        await().atMost(WAIT).until(() -> draft(token, conversationId).extract().jsonPath().getList("basedOn.slowdownIncidentIds").size() == 1);
        draft(token, conversationId).statusCode(200).body("basedOn.slowdownIncidentIds[0]", equalTo(incidentId))
                .body("parts.slowdown", containsString("\"" + note + "\"")).body("body", containsString(note))
                .body("parts.estimate", containsString("The slowdown may add to that.")).body("check.findings", empty());

        KafkaTopics.send("kx.platform.incidents.v1", incidentId, OrderEvents.incidentResolved(incidentId, region));
        await().atMost(WAIT).until(() -> draft(token, conversationId).extract().jsonPath().getList("basedOn.slowdownIncidentIds").isEmpty());
        draft(token, conversationId).statusCode(200).body("parts.slowdown", nullValue()).body("body", not(containsString(note)));
    }

    @Test
    void anEscalatingCustomerGetsTheNextStepWithSupport() {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "SELLER_MANAGED", "Greater London");
        String conversationId = customerWrites(orderId, "customer-1", "This is a joke, I will open a dispute and leave a 1-star review.");
        draft(DevTokens.seller(seller), conversationId).statusCode(200)
                .body("basedOn.customerEscalationSignals", hasItem("DISPUTE_THREAT"))
                .body("parts.nextStep", containsString("Kingston Express Support for order " + orderId)).body("check.findings", empty());
    }

    @Test
    void theDraftIsInTheServicesOpenApiForTheGatewayToMerge() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/conversations/{conversationId}/draft-reply'.post.summary", containsString("Draft a reply"));
    }

    @Test
    void onlyTheConversationsSellerGetsADraft() {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "SELLER_MANAGED", "Greater London");
        String conversationId = customerWrites(orderId, "customer-1", "Hello?");

        draft(DevTokens.seller("seller-" + UUID.randomUUID()), conversationId).statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().when().post("/api/v1/conversations/" + conversationId + "/draft-reply").then().statusCode(401);
        draft(DevTokens.supportAgent("agent-1"), conversationId).statusCode(403);
        draft(DevTokens.seller(seller), "no-such-conversation").statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aConversationWithoutACustomerMessageIsAClearConflict() {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "SELLER_MANAGED", "Greater London");
        String conversationId = "conversation-" + UUID.randomUUID();
        // Conversations are opened by a customer message; this one is made by hand to prove the guard.
        QuarkusTransaction.requiringNew().run(() -> OrderProjection.getEntityManager()
                .createNativeQuery("""
                        INSERT INTO conversation (conversation_id, order_id, seller_id, customer_id, opened_at, last_message_at,
                                                  first_customer_message_at, waiting_messages, version)
                        VALUES (?1, ?2, ?3, 'customer-1', now(), now(), now(), 0, 0)""")
                .setParameter(1, conversationId).setParameter(2, orderId).setParameter(3, seller).executeUpdate());

        draft(DevTokens.seller(seller), conversationId).statusCode(409).contentType("application/problem+json")
                .body("type", containsString("no-customer-message")).body("detail", containsString("no customer message"));
    }
}
