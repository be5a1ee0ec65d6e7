package com.kingstonexpress.order.orders.api;

import static com.kingstonexpress.order.Fixtures.act;
import static com.kingstonexpress.order.Fixtures.agent;
import static com.kingstonexpress.order.Fixtures.as;
import static com.kingstonexpress.order.Fixtures.correct;
import static com.kingstonexpress.order.Fixtures.order;
import static com.kingstonexpress.order.Fixtures.place;
import static com.kingstonexpress.order.Fixtures.seller;
import static com.kingstonexpress.order.Fixtures.storefront;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/** Both lifecycles through the REST API, every guard refusal as 409 problem+json, idempotent creates, If-Match. */
@QuarkusTest
class OrderLifecycleApiTest {

    private static final String SELLER = "lifecycle-seller";
    private static final Map<String, String> NONE = Map.of();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void sellerManagedOrderWalksTheGuideStepByStep() {
        String id = place(SELLER, "SELLER_MANAGED");
        as(seller(SELLER)).get("/api/v1/orders/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("orderId", equalTo(id)).body("sellerId", equalTo(SELLER)).body("type", equalTo("SELLER_MANAGED"))
                .body("status", equalTo("NEW")).body("lines[0].sku", equalTo("SKU-TEA-01")).body("lines[0].quantity", equalTo(2))
                .body("deliveryAddress.country", equalTo("GB")).body("shippingMethod", equalTo("STANDARD"))
                .body("notes", equalTo("Leave with the concierge.")).body("tracking", nullValue())
                .body("addressConfirmed", equalTo(false)).body("conditions", hasSize(0)).body("attention", hasSize(0))
                .body("version", equalTo(0)).body("createdAt", notNullValue()).body("updatedAt", notNullValue());

        refused(act(SELLER, id, "mark-in-transit", NONE), "SM_STEP_ORDER");
        // Actions that take nothing may be posted without a body.
        given().auth().oauth2(seller(SELLER)).post("/api/v1/orders/" + id + "/actions/start-processing").then().statusCode(200)
                .body("status", equalTo("PROCESSING"));
        refused(act(SELLER, id, "start-processing", NONE), "SM_STEP_ORDER");
        String customer = as(seller(SELLER)).get("/api/v1/orders/" + id).then().extract().path("customerId");
        refused(as(storefront()).body(Map.of("customerId", customer)).post("/api/v1/orders/" + id + "/customer-confirmations").then(),
                "NOTHING_SHIPPED_YET");
        refused(act(SELLER, id, "mark-shipped", Map.of("carrier", "royal-parcel", "trackingNumber", "RP1")), "SM_ADDRESS_NOT_CONFIRMED");
        act(SELLER, id, "confirm-address", NONE).statusCode(200).body("addressConfirmed", equalTo(true));
        refused(act(SELLER, id, "mark-shipped", NONE), "SM_TRACKING_REQUIRED");
        act(SELLER, id, "mark-shipped", Map.of("carrier", "royal-parcel", "trackingNumber", "RP1")).statusCode(200)
                .body("status", equalTo("SHIPPED")).body("tracking.carrier", equalTo("royal-parcel"))
                .body("tracking.trackingNumber", equalTo("RP1"));
        refused(act(SELLER, id, "cancel", Map.of("reason", "changed mind")), "SM_NO_CANCEL_AFTER_SHIPPED");
        act(SELLER, id, "mark-in-transit", NONE).statusCode(200).body("status", equalTo("IN_TRANSIT"));
        refused(act(SELLER, id, "mark-delivered", NONE), "SM_DELIVERY_NOT_CONFIRMED");

        String customerId = as(seller(SELLER)).get("/api/v1/orders/" + id).then().extract().path("customerId");
        as(storefront()).body(Map.of("customerId", "someone-else")).post("/api/v1/orders/" + id + "/customer-confirmations")
                .then().statusCode(422);
        as(storefront()).body(Map.of("customerId", customerId)).post("/api/v1/orders/" + id + "/customer-confirmations")
                .then().statusCode(201).body("deliveryEvidence.kind", hasItem("CUSTOMER_CONFIRMATION"));
        act(SELLER, id, "mark-delivered", NONE).statusCode(200).body("status", equalTo("DELIVERED"));
        refused(act(SELLER, id, "start-processing", NONE), "ORDER_TERMINAL");

        as(seller(SELLER)).get("/api/v1/orders/" + id + "/history").then().statusCode(200)
                .body("items.to", contains("PROCESSING", "SHIPPED", "IN_TRANSIT", "DELIVERED"))
                .body("items.from", contains("NEW", "PROCESSING", "SHIPPED", "IN_TRANSIT"))
                .body("items[0].actorKind", equalTo("SELLER")).body("items[0].actorId", equalTo("seller-user-" + SELLER))
                .body("items[0].eventId", notNullValue()).body("items[0].at", notNullValue());
    }

    @Test
    void proofOfDeliveryInTheRequestIsEvidenceAndLocalDeliveryNeedsNoTracking() {
        Map<String, Object> body = order(SELLER, "SELLER_MANAGED");
        body.put("shippingMethod", "LOCAL_DELIVERY");
        String id = place(body);
        act(SELLER, id, "start-processing", NONE).statusCode(200);
        act(SELLER, id, "confirm-address", NONE).statusCode(200);
        act(SELLER, id, "mark-shipped", NONE).statusCode(200).body("status", equalTo("SHIPPED"));
        // Only a proof-of-delivery reference counts when the seller brings the evidence.
        refused(act(SELLER, id, "mark-delivered", Map.of("evidence", Map.of("kind", "CUSTOMER_CONFIRMATION", "reference", "x"))),
                "SM_DELIVERY_NOT_CONFIRMED");
        act(SELLER, id, "mark-delivered", Map.of("evidence", Map.of("kind", "PROOF_OF_DELIVERY", "reference", "signed-by-ada")))
                .statusCode(200).body("status", equalTo("DELIVERED")).body("deliveryEvidence[0].reference", equalTo("signed-by-ada"));
    }

    @Test
    void dispatchedOrdersAreHandsOff() {
        String id = place(SELLER, "KINGSTON_DISPATCHED");
        for (String action : List.of("start-processing", "confirm-address", "add-tracking", "mark-shipped", "mark-in-transit", "mark-delivered")) {
            refused(act(SELLER, id, action, Map.of("carrier", "royal-parcel", "trackingNumber", "RP9")), "DKE_HANDS_OFF_STATUS");
        }
        refused(act(SELLER, id, "refund", Map.of("reason", "customer asked")), "NOTHING_SHIPPED_YET");
        act(SELLER, id, "cancel", NONE).statusCode(400);
        act(SELLER, id, "cancel", Map.of("reason", "customer ordered twice")).statusCode(200).body("status", equalTo("CANCELLED"));
        refused(act(SELLER, id, "refund", Map.of("reason", "customer asked")), "ORDER_TERMINAL");
        as(seller(SELLER)).get("/api/v1/orders/" + id + "/history").then()
                .body("items[0].reason", equalTo("customer ordered twice")).body("items[0].to", equalTo("CANCELLED"));
    }

    @Test
    void dispatchedOrdersCannotBeCancelledOnceProcessingAndLetTheProcessWorkInTransit() {
        String id = place(SELLER, "KINGSTON_DISPATCHED");
        correct(id, "PROCESSING", "center reported picking by phone").statusCode(200);
        refused(act(SELLER, id, "cancel", Map.of("reason", "too slow")), "DKE_NO_CANCEL_AFTER_PROCESSING");
        correct(id, "IN_TRANSIT", "carrier scan missing").statusCode(200);
        for (String action : List.of("cancel", "refund", "resend")) {
            refused(act(SELLER, id, action, Map.of("reason", "customer is worried")), "LET_THE_PROCESS_WORK");
        }
    }

    @Test
    void actionsListEveryActionWithTheRuleThatRefusesIt() {
        String id = place(SELLER, "SELLER_MANAGED");
        ValidatableResponse actions = as(seller(SELLER)).get("/api/v1/orders/" + id + "/actions").then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("actions", hasSize(9))
                .body("actions.action", contains("start-processing", "confirm-address", "add-tracking", "mark-shipped",
                        "mark-in-transit", "mark-delivered", "cancel", "refund", "resend"));
        actions.body("actions.find { it.action == 'start-processing' }.allowed", equalTo(true))
                .body("actions.find { it.action == 'start-processing' }.ruleId", nullValue())
                .body("actions.find { it.action == 'mark-shipped' }.allowed", equalTo(false))
                .body("actions.find { it.action == 'mark-shipped' }.ruleId", equalTo("SM_STEP_ORDER"))
                .body("actions.find { it.action == 'mark-shipped' }.reason", notNullValue())
                .body("actions.find { it.action == 'mark-shipped' }.hint", notNullValue());
        String dispatched = place(SELLER, "KINGSTON_DISPATCHED");
        as(seller(SELLER)).get("/api/v1/orders/" + dispatched + "/actions").then().statusCode(200)
                .body("actions.find { it.action == 'mark-shipped' }.ruleId", equalTo("DKE_HANDS_OFF_STATUS"))
                .body("actions.find { it.action == 'cancel' }.allowed", equalTo(true));
    }

    @Test
    void staleIfMatchIsRefusedWith412AndTheCurrentVersionWorksInEveryForm() {
        String id = place(SELLER, "SELLER_MANAGED");
        as(seller(SELLER)).header("If-Match", "\"7\"").body(NONE).post("/api/v1/orders/" + id + "/actions/start-processing")
                .then().statusCode(412).contentType("application/problem+json").body("currentVersion", equalTo(0));
        as(seller(SELLER)).get("/api/v1/orders/" + id).then().body("status", equalTo("NEW"));
        as(seller(SELLER)).header("If-Match", "W/\"0\"").body(NONE).post("/api/v1/orders/" + id + "/actions/start-processing")
                .then().statusCode(200).header("ETag", "\"1\"");
        as(seller(SELLER)).header("If-Match", "1").body(NONE).post("/api/v1/orders/" + id + "/actions/confirm-address")
                .then().statusCode(200);
        as(seller(SELLER)).header("If-Match", "\"1\"").body(Map.of("reason", "x")).post("/api/v1/orders/" + id + "/actions/cancel")
                .then().statusCode(412);
        as(seller(SELLER)).header("If-Match", "banana").body(NONE).post("/api/v1/orders/" + id + "/actions/cancel")
                .then().statusCode(400);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResultAndRefusesAnotherBody() {
        Map<String, Object> body = order(SELLER, "SELLER_MANAGED");
        String key = "checkout-" + System.nanoTime();
        var first = as(storefront()).header("Idempotency-Key", key).body(body).post("/api/v1/orders").then().statusCode(201)
                .header("Location", startsWith("/api/v1/orders/")).extract();
        var again = as(storefront()).header("Idempotency-Key", key).body(body).post("/api/v1/orders").then().statusCode(201).extract();
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.body().asString(), again.body().asString());
        Map<String, Object> other = order(SELLER, "SELLER_MANAGED");
        as(storefront()).header("Idempotency-Key", key).body(other).post("/api/v1/orders").then().statusCode(422)
                .contentType("application/problem+json");
        String customerId = (String) body.get("customerId");
        as(seller(SELLER)).queryParam("q", first.path("orderId").toString()).get("/api/v1/orders").then()
                .body("items", hasSize(1)).body("items[0].customerId", equalTo(customerId));
    }

    @Test
    void supportAgentsCorrectInAnyDirectionWithAReasonAndItIsAudited() {
        String id = place(SELLER, "SELLER_MANAGED");
        act(SELLER, id, "start-processing", NONE).statusCode(200);
        as(agent()).body(Map.of("status", "NEW")).post("/api/v1/support/orders/" + id + "/status-corrections").then().statusCode(400);
        as(agent()).body(Map.of("status", "LOST", "reason", "x")).post("/api/v1/support/orders/" + id + "/status-corrections").then()
                .statusCode(400);
        correct(id, "PROCESSING", "no-op").statusCode(409).body("ruleId", equalTo("CORRECTION_SAME_STATUS"));
        correct(id, "NEW", "seller started by mistake").statusCode(200).body("status", equalTo("NEW"));
        as(agent()).get("/api/v1/orders/" + id + "/history").then().statusCode(200)
                .body("items[1].from", equalTo("PROCESSING")).body("items[1].to", equalTo("NEW"))
                .body("items[1].actorKind", equalTo("SUPPORT_AGENT")).body("items[1].actorId", equalTo("agent-1"))
                .body("items[1].reason", equalTo("seller started by mistake"));
        // #12 L5: the seller sees that support corrected it and why, not which agent (often an e-mail address).
        as(seller(SELLER)).get("/api/v1/orders/" + id + "/history").then().statusCode(200)
                .body("items[1].actorKind", equalTo("SUPPORT_AGENT")).body("items[1].reason", equalTo("seller started by mistake"))
                .body("items[1].actorId", equalTo("SUPPORT_AGENT"));
    }

    @Test
    void theFulfillmentCenterBelongsToDispatchedOrdersOnly() {
        Map<String, Object> dispatchedWithoutCenter = order(SELLER, "KINGSTON_DISPATCHED");
        dispatchedWithoutCenter.remove("fulfillmentCenterId");
        as(storefront()).body(dispatchedWithoutCenter).post("/api/v1/orders").then().statusCode(400)
                .body("violations[0].field", equalTo("fulfillmentCenterId"));
        Map<String, Object> sellerManagedWithCenter = order(SELLER, "SELLER_MANAGED");
        sellerManagedWithCenter.put("fulfillmentCenterId", "center-london-1");
        as(storefront()).body(sellerManagedWithCenter).post("/api/v1/orders").then().statusCode(400);
    }

    @Test
    void anAddressWithoutPostalCodeRaisesAnAddressIssueWithTypeSpecificAdvice() {
        Map<String, Object> body = order(SELLER, "SELLER_MANAGED");
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) body.get("deliveryAddress");
        address.remove("postalCode");
        String id = place(body);
        as(seller(SELLER)).get("/api/v1/orders/" + id).then()
                .body("attention[0].flag", equalTo("ADDRESS_ISSUE")).body("attention[0].advice", startsWith("Act now"))
                .body("conditions", contains("ADDRESS_ISSUE"));
        act(SELLER, id, "start-processing", NONE).statusCode(200);
        act(SELLER, id, "confirm-address", NONE).statusCode(200).body("attention", hasSize(0)).body("conditions", hasSize(0));
    }

    private static void refused(ValidatableResponse response, String ruleId) {
        response.statusCode(409).contentType("application/problem+json").body("ruleId", equalTo(ruleId))
                .body("reason", notNullValue()).body("hint", notNullValue());
    }
}
