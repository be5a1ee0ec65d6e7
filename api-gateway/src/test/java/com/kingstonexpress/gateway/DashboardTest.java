package com.kingstonexpress.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.gateway.routing.policy.Downstream;
import com.kingstonexpress.platform.infra.DevTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
class DashboardTest {

    private static final String SELLER = DevTokens.seller("dashboard-seller");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void composesEverySectionFromItsServiceWithTheCallersToken() {
        given().auth().oauth2(SELLER).header("X-Request-Id", "req-dashboard-1")
                .when().get("/api/v1/dashboard")
                .then().statusCode(200)
                // The gateway names the request itself; the caller's id comes back separately (review L10).
                .header("X-Request-Id", org.hamcrest.Matchers.not("req-dashboard-1"))
                .header("X-Client-Request-Id", "req-dashboard-1")
                .body("sellerId", equalTo("dashboard-seller"))
                .body("generatedAt", notNullValue())
                .body("newOrders.status", equalTo("ok"))
                .body("newOrders.items.orderId", containsInAnyOrder("order-new-1"))
                .body("needsAttention.status", equalTo("ok"))
                .body("needsAttention.items[0].orderId", equalTo("order-attention-1"))
                .body("needsAttention.items[0].attention[0].flag", equalTo("ADDRESS_ISSUE"))
                .body("needsAttention.items[0].attention[0].advice", notNullValue())
                .body("unansweredMessages.status", equalTo("ok"))
                .body("unansweredMessages.items.conversationId", hasItem("conv-1"))
                .body("unansweredMessages.responseTimes.waitingMessages", equalTo(1))
                .body("openTickets.status", equalTo("ok"))
                .body("openTickets.items.ticketId", containsInAnyOrder("ticket-1"))
                .body("activeIncidents.status", equalTo("ok"))
                .body("activeIncidents.items.incidentId", hasItem("incident-1"))
                .body("summary.status", equalTo("ok"))
                .body("summary.orders.byStatus.NEW", equalTo(2));

        StubServices.Received newOrders = StubServices.lastTo("/api/v1/orders?status=NEW");
        assertEquals("Bearer " + SELLER, newOrders.headers().get("Authorization"));
        assertEquals("req-dashboard-1", newOrders.headers().get("X-Client-Request-Id"));
        org.junit.jupiter.api.Assertions.assertNotEquals("req-dashboard-1", newOrders.headers().get("X-Request-Id"));
        for (String uri : new String[] { "/api/v1/orders/summary", "/api/v1/conversations?awaitingReply=true",
                "/api/v1/messaging/response-times", "/api/v1/tickets?status=OPEN,IN_PROGRESS,WAITING_ON_SELLER", "/api/v1/platform/incidents",
                "/api/v1/orders?attention=CUSTOMS_HOLD" }) {
            assertEquals("Bearer " + SELLER, StubServices.lastTo(uri).headers().get("Authorization"), uri);
        }
    }

    @Test
    void aSectionWhoseServiceIsDownIsUnavailableAndTheRestStillAnswers() {
        StubServices.stopService(Downstream.MESSAGING);
        try {
            given().auth().oauth2(SELLER)
                    .when().get("/api/v1/dashboard")
                    .then().statusCode(200)
                    .body("unansweredMessages.status", equalTo("unavailable"))
                    .body("unansweredMessages.service", equalTo("messaging-service"))
                    .body("unansweredMessages.items", nullValue())
                    .body("newOrders.status", equalTo("ok"))
                    .body("needsAttention.status", equalTo("ok"))
                    .body("openTickets.status", equalTo("ok"))
                    .body("activeIncidents.status", equalTo("ok"))
                    .body("summary.status", equalTo("ok"));
        } finally {
            StubServices.startService(Downstream.MESSAGING);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(SELLER)
                .when().get("/api/v1/dashboard").then().statusCode(200).body("unansweredMessages.status", equalTo("ok")));
    }

    @Test
    void aSectionWhoseServiceAnswersAnErrorIsUnavailableToo() {
        StubServices.failPath("/api/v1/platform/incidents", 500);
        try {
            given().auth().oauth2(SELLER)
                    .when().get("/api/v1/dashboard")
                    .then().statusCode(200)
                    .body("activeIncidents.status", equalTo("unavailable"))
                    .body("activeIncidents.service", equalTo("fulfillment-service"))
                    .body("activeIncidents.reason", equalTo("answered 500"))
                    .body("newOrders.status", equalTo("ok"));
        } finally {
            StubServices.answerNormally("/api/v1/platform/incidents");
        }
    }

    @Test
    void aSlowSectionIsUnavailableAfterTheDashboardTimeout() {
        StubServices.failPath("/api/v1/messaging/response-times", StubServices.NEVER_ANSWER);
        try {
            given().auth().oauth2(SELLER)
                    .when().get("/api/v1/dashboard")
                    .then().statusCode(200)
                    .time(org.hamcrest.Matchers.lessThan(6_000L))
                    .body("unansweredMessages.status", equalTo("unavailable"))
                    .body("unansweredMessages.service", equalTo("messaging-service"))
                    .body("newOrders.status", equalTo("ok"));
        } finally {
            StubServices.answerNormally("/api/v1/messaging/response-times");
        }
    }

    @Test
    void aSellerTokenWithoutSellerIdIsRefusedBeforeAnyServiceIsAsked() {
        String sellerWithoutClaim = DevTokens.token("dashboard-no-seller-id", java.util.Set.of("seller"), null, Duration.ofHours(1));
        given().auth().oauth2(sellerWithoutClaim).when().get("/api/v1/dashboard")
                .then().statusCode(403).contentType("application/problem+json");
        assertTrue(StubServices.received().stream().noneMatch(r -> ("Bearer " + sellerWithoutClaim).equals(r.headers().get("Authorization"))));
    }
}
