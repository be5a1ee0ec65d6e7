package com.kingstonexpress.localstack;

import static com.kingstonexpress.localstack.RunningStack.EVENTUALLY;
import static com.kingstonexpress.localstack.RunningStack.agent;
import static com.kingstonexpress.localstack.RunningStack.as;
import static com.kingstonexpress.localstack.RunningStack.newSeller;
import static com.kingstonexpress.localstack.RunningStack.operations;
import static com.kingstonexpress.localstack.RunningStack.placeOrder;
import static com.kingstonexpress.localstack.RunningStack.seller;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The other users of the gateway: operations declaring a slowdown, support agents working the queue. */
class SupportAndOperationsEndToEndTest {

    @Test
    void aPlatformSlowdownMakesTheSellerLetTheProcessWorkUntilItIsResolved() {
        String sellerId = newSeller();
        String token = seller(sellerId);
        String region = "Region-" + UUID.randomUUID().toString().substring(0, 8);
        String orderId = placeOrder(sellerId, "KINGSTON_DISPATCHED", "STANDARD", "GB", region);
        CenterEvents.report(orderId, "PICKED");
        await().atMost(EVENTUALLY).untilAsserted(() -> actionRule(token, orderId, "cancel", "DKE_NO_CANCEL_AFTER_PROCESSING"));

        String incidentId = as(operations()).header("Idempotency-Key", "incident-" + region)
                .body(Map.of("scope", Map.of("regions", List.of(region), "carriers", List.of()),
                        "customerNote", "Deliveries in your area are running late; your parcel is on its way."))
                .post("/api/v1/platform/incidents").then().statusCode(201).extract().path("incidentId");
        as(token).get("/api/v1/platform/incidents").then().statusCode(200).body("items.incidentId", hasItem(incidentId));
        // "Platform-wide delivery slowdown: let the process work."
        await().atMost(EVENTUALLY).untilAsserted(() -> actionRule(token, orderId, "cancel", "LET_THE_PROCESS_WORK"));

        // Only operations declare incidents.
        as(token).body(Map.of("scope", Map.of("regions", List.of(region)), "customerNote", "x"))
                .post("/api/v1/platform/incidents").then().statusCode(403);

        as(operations()).body(Map.of()).post("/api/v1/platform/incidents/" + incidentId + "/resolution").then().statusCode(200);
        await().atMost(EVENTUALLY).untilAsserted(() -> actionRule(token, orderId, "cancel", "DKE_NO_CANCEL_AFTER_PROCESSING"));
    }

    @Test
    void aSupportAgentTakesTheTicketAndCorrectsTheStatusAndTheTicketRecordsIt() {
        String sellerId = newSeller();
        String token = seller(sellerId);
        String orderId = placeOrder(sellerId, "KINGSTON_DISPATCHED", "STANDARD", "GB");
        CenterEvents.report(orderId, "PICKED");
        String ticketId = await().atMost(EVENTUALLY).until(() -> {
            var r = as(token).header("Idempotency-Key", "t-" + orderId).body(Map.of("orderId", orderId,
                    "category", "INCORRECT_ORDER_STATUS", "description", "The parcel left days ago but the order still says processing."))
                    .post("/api/v1/tickets");
            return r.statusCode() == 201 ? r.jsonPath().getString("ticketId") : null;
        }, id -> id != null);

        String agentToken = agent();
        as(agentToken).get("/api/v1/tickets?status=OPEN").then().statusCode(200).body("items.ticketId", hasItem(ticketId));
        as(agentToken).get("/api/v1/orders/" + orderId).then().statusCode(200).body("orderId", equalTo(orderId));
        as(agentToken).post("/api/v1/tickets/" + ticketId + "/assignment").then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        // A seller may not act as an agent.
        as(token).post("/api/v1/tickets/" + ticketId + "/assignment").then().statusCode(403);

        await().atMost(EVENTUALLY).untilAsserted(() -> as(token).get("/api/v1/orders/" + orderId).then().body("status", equalTo("PROCESSING")));
        as(agentToken).body(Map.of("status", "SHIPPED", "reason", "Carrier scan confirms hand-over on Monday"))
                .post("/api/v1/support/orders/" + orderId + "/status-corrections").then().statusCode(200).body("status", equalTo("SHIPPED"));
        as(token).get("/api/v1/orders/" + orderId + "/history").then().statusCode(200)
                .body("items.find { it.to == 'SHIPPED' }.actorKind", equalTo("SUPPORT_AGENT"))
                .body("items.find { it.to == 'SHIPPED' }.reason", equalTo("Carrier scan confirms hand-over on Monday"));
        await().atMost(EVENTUALLY).untilAsserted(() -> as(token).get("/api/v1/tickets/" + ticketId).then().statusCode(200)
                .body("corrections", not(empty())));
    }

    private static void actionRule(String token, String orderId, String action, String ruleId) {
        as(token).get("/api/v1/orders/" + orderId + "/actions").then().statusCode(200)
                .body("actions.find { it.action == '" + action + "' }.allowed", equalTo(false))
                .body("actions.find { it.action == '" + action + "' }.ruleId", equalTo(ruleId));
    }
}
