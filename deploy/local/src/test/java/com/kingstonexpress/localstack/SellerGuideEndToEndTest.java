package com.kingstonexpress.localstack;

import static com.kingstonexpress.localstack.RunningStack.EVENTUALLY;
import static com.kingstonexpress.localstack.RunningStack.as;
import static com.kingstonexpress.localstack.RunningStack.newSeller;
import static com.kingstonexpress.localstack.RunningStack.placeOrder;
import static com.kingstonexpress.localstack.RunningStack.seller;
import static com.kingstonexpress.localstack.RunningStack.storefront;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * The seller guide walked end to end through the gateway only, against the whole stack started as
 * {@code deploy/local/run} starts it: real PostgreSQL, real Kafka, every service in its own JVM.
 */
class SellerGuideEndToEndTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aKingstonDispatchedOrderIsDrivenToDeliveredByCenterEventsWhileTheSellerIsKeptHandsOff() {
        String sellerId = newSeller();
        String token = seller(sellerId);
        String orderId = placeOrder(sellerId, "KINGSTON_DISPATCHED", "STANDARD", "GB");
        Instant placed = Instant.now();

        // "Dispatchment orders are hands-off": no status changes, no shipping marks, no tracking.
        for (String action : List.of("start-processing", "mark-shipped", "mark-in-transit", "mark-delivered", "add-tracking")) {
            refused(token, orderId, action, Map.of("carrier", "royal-parcel", "trackingNumber", "RP1"), "DKE_HANDS_OFF_STATUS");
        }

        CenterEvents.report(orderId, "PICKED");
        awaitStatus(token, orderId, "PROCESSING");
        // "Do not cancel once processing begins."
        refused(token, orderId, "cancel", Map.of("reason", "customer changed their mind"), "DKE_NO_CANCEL_AFTER_PROCESSING");

        CenterEvents.report(orderId, "PACKED");
        CenterEvents.report(orderId, "HANDED_TO_CARRIER");
        awaitStatus(token, orderId, "SHIPPED");
        CenterEvents.report(orderId, "IN_TRANSIT");
        awaitStatus(token, orderId, "IN_TRANSIT");
        // "Knowing when NOT to act": in transit, let the process work.
        refused(token, orderId, "refund", Map.of("reason", "late"), "LET_THE_PROCESS_WORK");

        String deliveredId = UUID.randomUUID().toString();
        CenterEvents.report(deliveredId, orderId, "DELIVERED", Instant.now());
        awaitStatus(token, orderId, "DELIVERED");

        // A duplicate delivery and a late in-transit event change nothing.
        CenterEvents.report(deliveredId, orderId, "DELIVERED", Instant.now());
        String lateId = UUID.randomUUID().toString();
        CenterEvents.report(lateId, orderId, "IN_TRANSIT", placed.plusMillis(1));
        as(token).get("/api/v1/orders/" + orderId + "/tracking").then().statusCode(200)
                .body("shipments[0].status", equalTo("DELIVERED"))
                .body("shipments[0].timeline.find { it.eventId == '" + lateId + "' }.late", equalTo(true));
        JsonPath history = as(token).get("/api/v1/orders/" + orderId + "/history").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("PROCESSING", "SHIPPED", "IN_TRANSIT", "DELIVERED"), history.getList("items.to"));
        as(token).get("/api/v1/orders/" + orderId).then().statusCode(200).body("status", equalTo("DELIVERED"))
                .body("tracking.trackingNumber", equalTo(CenterSimulator.trackingNumber(orderId)));
    }

    @Test
    void aSellerManagedOrderMovesForwardOnlyWhenEachStepIsReallyDone() {
        String sellerId = newSeller();
        String token = seller(sellerId);
        String orderId = placeOrder(sellerId, "SELLER_MANAGED", "STANDARD", "GB");

        refused(token, orderId, "mark-shipped", Map.of("carrier", "royal-parcel", "trackingNumber", "RP2"), "SM_STEP_ORDER");
        act(token, orderId, "start-processing", Map.of()).body("status", equalTo("PROCESSING"));
        // "Shipping without confirming address."
        refused(token, orderId, "mark-shipped", Map.of("carrier", "royal-parcel", "trackingNumber", "RP2"), "SM_ADDRESS_NOT_CONFIRMED");
        act(token, orderId, "confirm-address", Map.of()).body("addressConfirmed", equalTo(true));
        refused(token, orderId, "mark-shipped", Map.of(), "SM_TRACKING_REQUIRED");
        act(token, orderId, "mark-shipped", Map.of("carrier", "royal-parcel", "trackingNumber", "RP2" + sellerId)).body("status", equalTo("SHIPPED"));
        // "Never mark delivered without confirmation."
        refused(token, orderId, "mark-delivered", Map.of(), "SM_DELIVERY_NOT_CONFIRMED");
        as(storefront()).body(Map.of("customerId", "customer-of-" + sellerId))
                .post("/api/v1/orders/" + orderId + "/customer-confirmations").then().statusCode(201);
        act(token, orderId, "mark-delivered", Map.of()).body("status", equalTo("DELIVERED"));
        refused(token, orderId, "cancel", Map.of("reason", "too late"), null);

        // Another seller cannot even see it.
        as(seller(newSeller())).get("/api/v1/orders/" + orderId).then().statusCode(404).contentType(startsWith(PROBLEM));
    }

    @Test
    void underACustomsHoldRefundResendAndCancelAreRefusedToLetTheProcessWork() {
        String sellerId = newSeller();
        String token = seller(sellerId);
        String orderId = placeOrder(sellerId, "KINGSTON_DISPATCHED", "INTERNATIONAL", "FR");
        for (String step : List.of("PICKED", "PACKED", "HANDED_TO_CARRIER", "IN_TRANSIT", "CUSTOMS_HOLD")) {
            CenterEvents.report(orderId, step);
        }
        await().atMost(EVENTUALLY).untilAsserted(() -> as(token).get("/api/v1/orders/" + orderId).then().statusCode(200)
                .body("conditions", hasItem("CUSTOMS_HOLD")));
        for (String action : List.of("refund", "resend", "cancel")) {
            refused(token, orderId, action, Map.of("reason", "customer asked"), "LET_THE_PROCESS_WORK");
        }
        as(token).get("/api/v1/orders/" + orderId + "/actions").then().statusCode(200)
                .body("actions.find { it.action == 'refund' }.allowed", equalTo(false))
                .body("actions.find { it.action == 'refund' }.ruleId", equalTo("LET_THE_PROCESS_WORK"));
        // Support agrees: no action needed, though a ticket is still allowed.
        as(token).body(Map.of("orderId", orderId, "category", "DISPATCHMENT_ISSUE")).post("/api/v1/tickets/preflight")
                .then().statusCode(200).body("recommendation", equalTo("NO_ACTION_NEEDED"));
    }

    @Test
    void aCustomerMessageIsAnsweredAndAGuaranteedDateReplyIsBlocked() {
        String sellerId = newSeller();
        String token = seller(sellerId);
        String orderId = placeOrder(sellerId, "SELLER_MANAGED", "STANDARD", "GB");
        String conversationId = await().atMost(EVENTUALLY).until(() -> {
            var r = as(storefront()).body(Map.of("messageId", "m-" + orderId, "orderId", orderId, "customerId", "customer-of-" + sellerId,
                    "body", "Where is my order?")).post("/api/v1/customer-messages");
            return r.statusCode() / 100 == 2 ? r.jsonPath().getString("conversationId") : null;
        }, id -> id != null);

        as(token).get("/api/v1/conversations?awaitingReply=true").then().statusCode(200)
                .body("items.conversationId", hasItem(conversationId));
        as(token).body(Map.of("body", "It is guaranteed to arrive by Friday!")).post("/api/v1/conversations/" + conversationId + "/reply-check")
                .then().statusCode(200).body("findings.ruleId", hasItem("MSG_GUARANTEED_DATE"));
        as(token).body(Map.of("body", "It will definitely arrive tomorrow.", "acknowledgedWarnings", List.of()))
                .post("/api/v1/conversations/" + conversationId + "/messages")
                .then().statusCode(422).contentType(startsWith(PROBLEM));
        as(token).body(Map.of("body", "Thank you for your patience. Your order is being prepared and we will share tracking as soon as it ships.",
                "acknowledgedWarnings", List.of())).post("/api/v1/conversations/" + conversationId + "/messages").then().statusCode(201);
        await().atMost(EVENTUALLY).untilAsserted(() -> as(token).get("/api/v1/conversations/" + conversationId).then().statusCode(200)
                .body("messages.size()", equalTo(2)));
    }

    @Test
    void aTicketAlwaysCarriesAnOrderIdAndTheDashboardReflectsTheSellersDay() {
        String sellerId = newSeller();
        String token = seller(sellerId);
        String newOrder = placeOrder(sellerId, "SELLER_MANAGED", "STANDARD", "GB");
        String problemOrder = placeOrder(sellerId, "KINGSTON_DISPATCHED", "STANDARD", "GB");

        as(token).body(Map.of("category", "INCORRECT_ORDER_STATUS", "description", "no order id")).post("/api/v1/tickets")
                .then().statusCode(400).contentType(startsWith(PROBLEM));
        String ticketId = await().atMost(EVENTUALLY).until(() -> {
            var r = as(token).header("Idempotency-Key", "t-" + problemOrder).body(Map.of("orderId", problemOrder,
                    "category", "INCORRECT_ORDER_STATUS", "description", "The status has not changed for days.")).post("/api/v1/tickets");
            return r.statusCode() == 201 ? r.jsonPath().getString("ticketId") : null;
        }, id -> id != null);
        as(token).body(Map.of("orderId", problemOrder, "category", "INCORRECT_ORDER_STATUS", "description", "again"))
                .post("/api/v1/tickets").then().statusCode(409).contentType(startsWith(PROBLEM));

        // A customer waiting for an answer: the message shows as unanswered and the order as needing attention.
        await().atMost(EVENTUALLY).until(() -> as(storefront()).body(Map.of("messageId", "m-" + newOrder, "orderId", newOrder,
                "customerId", "customer-of-" + sellerId, "body", "Hello, is my order on its way?")).post("/api/v1/customer-messages")
                .statusCode() == 201);

        await().atMost(EVENTUALLY).untilAsserted(() -> as(token).get("/api/v1/dashboard").then().statusCode(200)
                .body("newOrders.items.orderId", hasItem(newOrder))
                .body("openTickets.items.ticketId", hasItem(ticketId))
                .body("unansweredMessages.items.orderId", hasItem(newOrder))
                .body("needsAttention.items.orderId", hasItem(newOrder))
                .body("activeIncidents.status", equalTo("ok"))
                .body("summary.status", equalTo("ok")));
    }

    @Test
    void everySellerEndpointWantsAValidTokenAndWebhooksWantAValidSignature() {
        RunningStack.get();
        String orderId = UUID.randomUUID().toString();
        List<String> sellerGets = List.of("/api/v1/orders", "/api/v1/orders/summary", "/api/v1/orders/" + orderId,
                "/api/v1/orders/" + orderId + "/history", "/api/v1/orders/" + orderId + "/actions", "/api/v1/orders/" + orderId + "/tracking",
                "/api/v1/conversations", "/api/v1/messaging/response-times", "/api/v1/tickets", "/api/v1/dashboard",
                "/api/v1/platform/incidents");
        for (String path : sellerGets) {
            io.restassured.RestAssured.given().get(path).then().statusCode(401).contentType(startsWith(PROBLEM));
        }
        String body = CenterEvents.json(Map.of("events", List.of(CenterEvents.event("e1", orderId, "PICKED", Instant.now()))));
        CenterEvents.post(body, "t=" + Instant.now().getEpochSecond() + ",v1=00ff").then().statusCode(401);
        String staleSignature = com.kingstonexpress.platform.security.WebhookSignature.sign(RunningStack.CENTER_SECRET,
                Instant.now().minus(Duration.ofMinutes(6)), body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CenterEvents.post(body, staleSignature).then().statusCode(401);
        // Wrong role: a seller cannot create orders or correct statuses.
        as(seller(newSeller())).body(Map.of()).post("/api/v1/orders").then().statusCode(403);
        as(seller(newSeller())).body(Map.of("status", "DELIVERED", "reason", "x"))
                .post("/api/v1/support/orders/" + orderId + "/status-corrections").then().statusCode(403);
    }

    @Test
    void eventsSentWhileTheOrderServiceIsDownAreAppliedWhenItComesBack() {
        String sellerId = newSeller();
        String token = seller(sellerId);
        String orderId = placeOrder(sellerId, "KINGSTON_DISPATCHED", "STANDARD", "GB");
        CenterEvents.report(orderId, "PICKED");
        awaitStatus(token, orderId, "PROCESSING");

        LocalStack stack = RunningStack.get();
        stack.restartAfterCrash("order");
        CenterEvents.report(orderId, "PACKED");
        CenterEvents.report(orderId, "HANDED_TO_CARRIER");
        awaitStatus(token, orderId, "SHIPPED");
        JsonPath history = as(token).get("/api/v1/orders/" + orderId + "/history").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("PROCESSING", "SHIPPED"), history.getList("items.to"));
        history.getList("items.actorKind").forEach(kind -> assertEquals("FULFILLMENT_CENTER", kind));
    }

    private static io.restassured.response.ValidatableResponse act(String token, String orderId, String action, Map<String, ?> body) {
        return as(token).body(body).post("/api/v1/orders/" + orderId + "/actions/" + action).then().statusCode(200);
    }

    private static void refused(String token, String orderId, String action, Map<String, ?> body, String ruleId) {
        var r = as(token).body(body).post("/api/v1/orders/" + orderId + "/actions/" + action).then().statusCode(409)
                .contentType(startsWith(PROBLEM));
        if (ruleId != null) {
            r.body("ruleId", equalTo(ruleId));
        }
    }

    private static void awaitStatus(String token, String orderId, String status) {
        await().atMost(EVENTUALLY).untilAsserted(() -> as(token).get("/api/v1/orders/" + orderId).then().statusCode(200)
                .body("status", equalTo(status)));
    }
}
