package com.kingstonexpress.support.order;

import static com.kingstonexpress.support.Fixtures.ORDERS;
import static com.kingstonexpress.support.Fixtures.attention;
import static com.kingstonexpress.support.Fixtures.newId;
import static com.kingstonexpress.support.Fixtures.placed;
import static com.kingstonexpress.support.Fixtures.statusChanged;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.testing.KafkaTopics;
import com.kingstonexpress.support.ServiceTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** The projection of kx.orders.v1, driven by real CloudEvents on the real topic. */
@QuarkusTest
class OrderProjectionTest extends ServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String KD = "KINGSTON_DISPATCHED";

    @Test
    void outOfOrderAndDuplicateEventsConvergeOnTheLatestStatusAndOneTimeline() {
        String orderId = newId();
        String seller = "seller-" + newId();
        String toShipped = statusChanged(newId(), orderId, seller, KD, 3, "PROCESSING", "SHIPPED", "FULFILLMENT_CENTER", "center-london-1", null);
        String toProcessing = statusChanged(newId(), orderId, seller, KD, 2, "NEW", "PROCESSING", "FULFILLMENT_CENTER", "center-london-1", null);

        // The newest change overtakes everything, then the rest arrives late, some of it twice.
        KafkaTopics.send(ORDERS, orderId, toShipped);
        KafkaTopics.send(ORDERS, orderId, placed(newId(), orderId, seller, KD, 1));
        KafkaTopics.send(ORDERS, orderId, toProcessing);
        KafkaTopics.send(ORDERS, orderId, toShipped);
        KafkaTopics.send(ORDERS, orderId, toProcessing);
        // A raise that is older than the clear it follows must not bring the flag back.
        KafkaTopics.send(ORDERS, orderId, attention(newId(), orderId, seller, KD, 5, "CUSTOMS_HOLD", false));
        KafkaTopics.send(ORDERS, orderId, attention(newId(), orderId, seller, KD, 4, "CUSTOMS_HOLD", true));
        String marker = newId();
        KafkaTopics.send(ORDERS, orderId, attention(marker, orderId, seller, KD, 6, "STATUS_NOT_UPDATING", true));

        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM kx_inbox WHERE event_id = ?1", marker) == 1);
        List<?> row = db.rows("SELECT status, status_sequence, placed, seller_id, order_type FROM order_projection WHERE order_id = ?1", orderId);
        Object[] projection = (Object[]) row.get(0);
        assertEquals("SHIPPED", projection[0]);
        assertEquals(3L, ((Number) projection[1]).longValue());
        assertEquals(true, projection[2]);
        assertEquals(seller, projection[3]);
        assertEquals(KD, projection[4]);
        assertEquals(List.of("STATUS_NOT_UPDATING"), db.rows("SELECT flag FROM order_attention WHERE order_id = ?1 AND raised", orderId));

        // The ticket's snapshot shows the timeline once per change, in sequence order.
        given().auth().oauth2(DevTokens.seller(seller)).contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId, "category", "INCORRECT_ORDER_STATUS", "description", "stuck"))
                .when().post("/api/v1/tickets").then().statusCode(201)
                .body("order.status", equalTo("SHIPPED"))
                .body("order.attention", contains("STATUS_NOT_UPDATING"))
                .body("timelineSnapshot.to", contains("PROCESSING", "SHIPPED"))
                .body("timelineSnapshot.sequence", contains(2, 3))
                .body("timelineSnapshot.actorKind", contains("FULFILLMENT_CENTER", "FULFILLMENT_CENTER"));
    }

    @Test
    void aStatusChangeBeforeOrderPlacedMakesAPartialRowThatPlacedCompletes() {
        String orderId = newId();
        String seller = "seller-" + newId();
        KafkaTopics.send(ORDERS, orderId, statusChanged(newId(), orderId, seller, "SELLER_MANAGED", 2, "NEW", "PROCESSING", "SELLER", seller, null));
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM order_projection WHERE order_id = ?1 AND NOT placed", orderId) == 1);

        // A partial row already says whose order it is and its type: a ticket can be opened on it.
        given().auth().oauth2(DevTokens.seller(seller)).contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId, "category", "DISPATCHMENT_ISSUE"))
                .when().post("/api/v1/tickets/preflight").then().statusCode(200).body("recommendation", equalTo("NOT_APPLICABLE"));

        KafkaTopics.send(ORDERS, orderId, placed(newId(), orderId, seller, "SELLER_MANAGED", 1));
        await().atMost(WAIT).until(() -> db.knowsOrder(orderId));
        assertEquals(List.of("PROCESSING"), db.rows("SELECT status FROM order_projection WHERE order_id = ?1", orderId));
    }

    @Test
    void aCancellationIsNotUndoneByAnOlderStatusChangeArrivingLate() {
        String orderId = newId();
        String seller = "seller-" + newId();
        KafkaTopics.send(ORDERS, orderId, com.kingstonexpress.support.Fixtures.cancelled(newId(), orderId, seller, 3));
        KafkaTopics.send(ORDERS, orderId, placed(newId(), orderId, seller, "SELLER_MANAGED", 1));
        String late = newId();
        KafkaTopics.send(ORDERS, orderId, statusChanged(late, orderId, seller, "SELLER_MANAGED", 2, "NEW", "PROCESSING", "SELLER", seller, null));
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM kx_inbox WHERE event_id = ?1", late) == 1);
        List<?> row = db.rows("SELECT status, order_type FROM order_projection WHERE order_id = ?1", orderId);
        assertEquals("CANCELLED", ((Object[]) row.get(0))[0]);
        assertEquals("SELLER_MANAGED", ((Object[]) row.get(0))[1], "the type is learnt from a later event");
    }

    @Test
    void eventTypesThisServiceDoesNotNeedAndPoisonRecordsDoNotStallTheTopic() {
        String orderId = newId();
        String seller = "seller-" + newId();
        KafkaTopics.send(ORDERS, orderId, """
                {"specversion":"1.0","id":"%s","source":"/kx/order-service","type":"com.kingstonexpress.order.tracking-added.v1",
                 "subject":"%s","time":"2026-11-20T10:00:00Z","sequence":2,"data":{"orderId":"%s","sellerId":"%s","carrier":"royal-parcel","trackingNumber":"RP1"}}"""
                .formatted(newId(), orderId, orderId, seller));
        KafkaTopics.send(ORDERS, orderId, statusChanged(newId(), orderId, seller, KD, 3, "NEW", "LOST_IN_SPACE", "SYSTEM", "x", null));
        KafkaTopics.send(ORDERS, orderId, placed(newId(), orderId, seller, KD, 1));
        await().atMost(WAIT).until(() -> db.knowsOrder(orderId));
        assertEquals(List.of("NEW"), db.rows("SELECT status FROM order_projection WHERE order_id = ?1", orderId));
        KafkaTopics.await(ORDERS + ".dlq", r -> orderId.equals(r.key()), l -> l.size() == 1, WAIT);
    }
}
