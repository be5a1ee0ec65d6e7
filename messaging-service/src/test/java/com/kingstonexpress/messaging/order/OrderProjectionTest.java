package com.kingstonexpress.messaging.order;

import static com.kingstonexpress.messaging.support.Messaging.WAIT;
import static com.kingstonexpress.messaging.support.Messaging.customerWrites;
import static com.kingstonexpress.messaging.support.Messaging.placeOrder;
import static com.kingstonexpress.messaging.support.Messaging.projected;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.messaging.support.Messaging;
import com.kingstonexpress.messaging.support.OrderEvents;
import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;

/** The projection of kx.orders.v1 and kx.platform.incidents.v1, driven through the real broker. */
@QuarkusTest
class OrderProjectionTest {

    @Test
    void aRedeliveredOrderPlacedIsAppliedOnce() throws Exception {
        String orderId = UUID.randomUUID().toString();
        String placed = OrderEvents.placed(orderId, "seller-1", "customer-1", "SELLER_MANAGED", 1);
        OrderEvents.publish(orderId, placed);
        OrderEvents.publish(orderId, placed);
        String marker = UUID.randomUUID().toString();
        OrderEvents.publish(orderId, OrderEvents.trackingAdded(orderId, "seller-1", marker, 2));
        await().atMost(WAIT).until(() -> projected(orderId) != null && marker.equals(projected(orderId).carrier));
        assertEquals(1, Messaging.count("SELECT count(*) FROM kx_inbox WHERE consumer = 'messaging-service.orders' AND event_id = ?1",
                com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(placed).get("id").asText()));
    }

    @Test
    void anOrderPlacedWithoutItsCustomerGoesToTheDeadLetterTopicAndIsNotProjected() {
        String orderId = UUID.randomUUID().toString();
        String broken = OrderEvents.placed(orderId, "seller-1", "customer-1", "SELLER_MANAGED", 1).replace("\"customer-1\"", "null");
        OrderEvents.publish(orderId, broken);
        KafkaTopics.await("kx.orders.v1.dlq", r -> orderId.equals(r.key()), l -> !l.isEmpty(), WAIT);
        assertNull(projected(orderId));
        // The partition moves on: the next order is projected.
        placeOrder("seller-1", "customer-1", "SELLER_MANAGED");
    }

    @Test
    void aSlowdownCoveringTheOrdersRegionIsShownBesideTheConversationUntilResolved() {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "customer-1", "KINGSTON_DISPATCHED");
        String conversationId = customerWrites(orderId, "customer-1", "Why is it taking so long?");
        String incidentId = "incident-" + UUID.randomUUID();
        String note = "Deliveries in Greater London are taking up to two extra days.";

        KafkaTopics.send("kx.platform.incidents.v1", incidentId, OrderEvents.incidentDeclared(incidentId, "Greater London", note));
        await().atMost(WAIT).until(() -> given().auth().oauth2(DevTokens.seller(seller)).get("/api/v1/conversations/" + conversationId)
                .then().extract().jsonPath().getList("activeSlowdowns").size() == 1);
        given().auth().oauth2(DevTokens.seller(seller)).get("/api/v1/conversations/" + conversationId).then().statusCode(200)
                .body("activeSlowdowns", hasSize(1)).body("activeSlowdowns[0].incidentId", equalTo(incidentId))
                .body("activeSlowdowns[0].customerNote", equalTo(note));

        KafkaTopics.send("kx.platform.incidents.v1", incidentId, OrderEvents.incidentResolved(incidentId, "Greater London"));
        await().atMost(WAIT).until(() -> Messaging.count(
                "SELECT count(*) FROM platform_incident WHERE incident_id = ?1 AND resolved_at IS NOT NULL", incidentId) == 1);
        given().auth().oauth2(DevTokens.seller(seller)).get("/api/v1/conversations/" + conversationId).then().statusCode(200)
                .body("activeSlowdowns", empty());
    }

    @Test
    void aSlowdownElsewhereIsNotShown() {
        String seller = "seller-" + UUID.randomUUID();
        String orderId = placeOrder(seller, "customer-1", "KINGSTON_DISPATCHED");
        String conversationId = customerWrites(orderId, "customer-1", "Hello?");
        String incidentId = "incident-" + UUID.randomUUID();
        KafkaTopics.send("kx.platform.incidents.v1", incidentId, OrderEvents.incidentDeclared(incidentId, "Highlands", "Snow."));
        await().atMost(WAIT).until(() -> Messaging.count(
                "SELECT count(*) FROM platform_incident WHERE incident_id = ?1", incidentId) == 1);
        given().auth().oauth2(DevTokens.seller(seller)).get("/api/v1/conversations/" + conversationId).then().statusCode(200)
                .body("activeSlowdowns", empty());
    }
}
