package com.kingstonexpress.order.orders.api;

import static com.kingstonexpress.order.Fixtures.agent;
import static com.kingstonexpress.order.Fixtures.as;
import static com.kingstonexpress.order.Fixtures.order;
import static com.kingstonexpress.order.Fixtures.place;
import static com.kingstonexpress.order.Fixtures.seller;
import static com.kingstonexpress.order.Fixtures.storefront;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.security.Roles;
import com.kingstonexpress.platform.testing.HostileInputSweep;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue #12: every operation of this service's OpenAPI document answers hostile input with a 4xx problem, never a
 * 5xx, and the seller's orders are unchanged afterwards; another seller's order is 404 on every route naming it.
 */
@QuarkusTest
class HostileInputSweepTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyOperationAnswersHostileInputWithA4xxProblemAndChangesNothing() throws Exception {
        String sellerId = "sweep-seller";
        // A dispatched order: the guard refuses seller actions on it, so a valid call left in the sweep changes nothing.
        String orderId = place(sellerId, "KINGSTON_DISPATCHED");
        String before = snapshot(sellerId, orderId);

        HostileInputSweep.of(HostileInputSweep.quarkusTestUrl())
                .role(Roles.SELLER, seller(sellerId))
                .role(Roles.STOREFRONT, storefront())
                .role(Roles.SUPPORT_AGENT, agent())
                .role(Roles.OPERATIONS, DevTokens.operations("ops-1"))
                .roleFor("/api/v1/support/", Roles.SUPPORT_AGENT)
                .pathValue("orderId", orderId)
                .pathValue("action", "confirm-address")
                // Orders the sweep creates belong to another seller, so the one above is what "changes nothing" watches.
                .sampleBody("POST /api/v1/orders", JSON.writeValueAsString(order("sweep-sink", "SELLER_MANAGED")))
                .sampleBody("POST /api/v1/orders/{orderId}/customer-confirmations",
                        JSON.writeValueAsString(Map.of("customerId", "not-the-customer", "confirmedAt", "2026-01-01T10:00:00Z")))
                .sampleBody("POST /api/v1/support/orders/{orderId}/status-corrections",
                        JSON.writeValueAsString(Map.of("status", "NEW", "reason", "sweep")))
                .run().assertClean();

        assertEquals(before, snapshot(sellerId, orderId), "the hostile calls changed the seller's orders");
    }

    @Test
    void anotherSellersOrderIsNotFoundOnEveryRouteNamingIt() throws Exception {
        String orderId = place("sweep-victim", "SELLER_MANAGED");
        String before = snapshot("sweep-victim", orderId);
        HostileInputSweep.of(HostileInputSweep.quarkusTestUrl())
                .role(Roles.SELLER, seller("sweep-intruder"))
                .pathValue("action", "confirm-address")
                .foreignResource("orderId", orderId)
                .assertClean();
        assertEquals(before, snapshot("sweep-victim", orderId), "another seller changed the order");
    }

    /** The order's version and history, and which orders the seller has. */
    private static String snapshot(String sellerId, String orderId) {
        Object version = as(seller(sellerId)).get("/api/v1/orders/" + orderId).then().statusCode(200).extract().path("version");
        String history = as(seller(sellerId)).get("/api/v1/orders/" + orderId + "/history").then().statusCode(200)
                .extract().asString();
        List<Object> ids = as(seller(sellerId)).get("/api/v1/orders?limit=100").then().statusCode(200).extract().path("items.orderId");
        return "version " + version + ", history " + history + ", orders " + ids;
    }
}
