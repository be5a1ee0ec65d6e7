package com.kingstonexpress.fulfillment.tracking;

import static com.kingstonexpress.fulfillment.support.Webhooks.batch;
import static com.kingstonexpress.fulfillment.support.Webhooks.centerEvent;
import static com.kingstonexpress.fulfillment.support.Webhooks.postCenter;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.fulfillment.support.OrderFixtures;
import com.kingstonexpress.platform.infra.DevTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The tracking timeline, for the owning seller and support agents only. */
@QuarkusTest
class TrackingQueryTest {

    @Inject
    OrderFixtures orders;

    private final Instant placedAt = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theOwnerSeesTheTimelineOldestFirstWithLateEventsMarked() {
        String orderId = orders.kingstonOrder("seller-3", placedAt);
        String tracking = "RP-" + UUID.randomUUID();
        postCenter(OrderFixtures.CENTER, batch(
                centerEvent("t-transit", orderId, "IN_TRANSIT", placedAt.plusSeconds(3000), ""),
                centerEvent("t-hold", orderId, "CUSTOMS_HOLD", placedAt.plusSeconds(4000), "")))
                .statusCode(202);
        postCenter(OrderFixtures.CENTER, batch(
                centerEvent("t-picked", orderId, "PICKED", placedAt.plusSeconds(1000), ",\"details\":{\"picker\":\"P7\"}"),
                centerEvent("t-handed", orderId, "HANDED_TO_CARRIER", placedAt.plusSeconds(2000),
                        ",\"carrier\":\"royal-parcel\",\"trackingNumber\":\"" + tracking + "\"")))
                .statusCode(202);

        given().auth().oauth2(DevTokens.seller("seller-3"))
                .when().get("/api/v1/orders/{orderId}/tracking", orderId)
                .then().statusCode(200)
                .body("orderId", equalTo(orderId))
                .body("orderType", equalTo("KINGSTON_DISPATCHED"))
                .body("shipments", hasSize(1))
                .body("shipments[0].status", equalTo("IN_TRANSIT"))
                .body("shipments[0].conditions", contains("CUSTOMS_HOLD"))
                .body("shipments[0].carrier", equalTo("royal-parcel"))
                .body("shipments[0].trackingNumber", equalTo(tracking))
                .body("shipments[0].timeline.eventId", contains("t-picked", "t-handed", "t-transit", "t-hold"))
                .body("shipments[0].timeline.late", contains(true, true, false, false))
                .body("shipments[0].timeline[0].details.picker", equalTo("P7"))
                .body("shipments[0].timeline[0].source", equalTo("CENTER"));
    }

    @Test
    void supportAgentsSeeAnyOrderAndEverybodyElseGetsNotFound() {
        String orderId = orders.kingstonOrder("seller-3", placedAt);
        postCenter(OrderFixtures.CENTER, batch(centerEvent("t-typo", orderId, "PIKCED", placedAt.plusSeconds(60), "")))
                .statusCode(202).body("rejected", hasSize(1));
        given().auth().oauth2(DevTokens.supportAgent("agent-1"))
                .when().get("/api/v1/orders/{orderId}/tracking", orderId)
                .then().statusCode(200)
                .body("shipments[0].status", equalTo("NEW"))
                .body("shipments[0].timeline", hasSize(0))
                .body("rejectedEvents.eventId", contains("t-typo"))
                .body("rejectedEvents[0].reason", equalTo("unknown event type"));
        given().auth().oauth2(DevTokens.seller("seller-3"))
                .when().get("/api/v1/orders/{orderId}/tracking", orderId)
                .then().statusCode(200).body("$", not(hasKey("rejectedEvents")))
                .body("$", hasKey("fulfillmentCenterId"));
        given().auth().oauth2(DevTokens.seller("seller-other"))
                .when().get("/api/v1/orders/{orderId}/tracking", orderId)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.seller("seller-3"))
                .when().get("/api/v1/orders/{orderId}/tracking", UUID.randomUUID().toString())
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/orders/{orderId}/tracking", orderId)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.token("seller-user-x", Set.of("seller"), "seller-3", Duration.ofMinutes(-5)))
                .when().get("/api/v1/orders/{orderId}/tracking", orderId)
                .then().statusCode(401);
        given().auth().oauth2(DevTokens.operations("ops-1"))
                .when().get("/api/v1/orders/{orderId}/tracking", orderId)
                .then().statusCode(403).contentType("application/problem+json");
    }
}
