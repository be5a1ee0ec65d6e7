package com.kingstonexpress.localstack;

import static com.kingstonexpress.localstack.RunningStack.agent;
import static com.kingstonexpress.localstack.RunningStack.newSeller;
import static com.kingstonexpress.localstack.RunningStack.operations;
import static com.kingstonexpress.localstack.RunningStack.placeOrder;
import static com.kingstonexpress.localstack.RunningStack.seller;
import static com.kingstonexpress.localstack.RunningStack.storefront;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.kingstonexpress.platform.testing.HostileInputSweep;

/**
 * Issue #12 through the gateway: every operation of the merged OpenAPI document answers hostile input with a 4xx
 * problem, never a 5xx, and changes nothing; another seller's order is 404 on every route that names it.
 *
 * <p>The thorough sweep (every hostile value, signed webhooks, valid bodies made hostile field by field) runs
 * against each service in its own module ({@code HostileInputSweepTest}); here each operation is called once per
 * cheap hostile value as one principal, to prove the edge adds no 5xx and keeps problem+json on the way out.
 */
class HostileInputEndToEndTest {

    @Test
    void everyOperationThroughTheGatewayAnswersHostileInputWithA4xxProblemAndChangesNothing() {
        String gateway = RunningStack.get().config().gatewayUrl();
        String sellerId = newSeller();
        // Dispatched: the guard refuses seller actions on it, so a valid call left in the sweep changes nothing.
        String orderId = placeOrder(sellerId, "KINGSTON_DISPATCHED", "STANDARD", "GB");
        String before = snapshot(sellerId, orderId);

        HostileInputSweep.Result result = sweep(gateway, sellerId)
                .pathValue("orderId", orderId)
                .pathValue("action", "confirm-address")
                .values(HostileInputSweep.Values.CHEAP)
                .run();
        System.out.printf("hostile input through the gateway: %d operations, %d calls, %d accepted%n", result.operations(),
                result.calls(), result.accepted());
        result.assertClean();

        assertEquals(before, snapshot(sellerId, orderId), "the hostile calls changed the seller's orders");
    }

    @Test
    void anotherSellersOrderIsNotFoundThroughTheGatewayOnEveryRouteNamingIt() {
        String gateway = RunningStack.get().config().gatewayUrl();
        String victim = newSeller();
        String orderId = placeOrder(victim, "SELLER_MANAGED", "STANDARD", "GB");
        String before = snapshot(victim, orderId);

        HostileInputSweep.Result result = HostileInputSweep.of(gateway, document(gateway))
                .role("seller", seller(newSeller()))
                .pathValue("action", "confirm-address")
                .foreignResource("orderId", orderId);
        result.assertClean();

        assertEquals(before, snapshot(victim, orderId), "another seller changed the order");
    }

    private static HostileInputSweep sweep(String gateway, String sellerId) {
        return HostileInputSweep.of(gateway, document(gateway))
                .role("seller", seller(sellerId))
                .role("storefront", storefront())
                .role("support-agent", agent())
                .role("operations", operations())
                .roleFor("/api/v1/support/", "support-agent")
                .roleFor("/api/v1/platform/", "operations")
                // The live stream never ends by design; notification-service's own sweep leaves it out too.
                .skip(operation -> operation.endsWith("/stream"));
    }

    private static JsonNode document(String gateway) {
        return HostileInputSweep.fetchDocument(gateway, operations());
    }

    /** The order's version and history, and which orders the seller has. */
    private static String snapshot(String sellerId, String orderId) {
        Object version = RunningStack.as(seller(sellerId)).get("/api/v1/orders/" + orderId).then().statusCode(200).extract()
                .path("version");
        String history = RunningStack.as(seller(sellerId)).get("/api/v1/orders/" + orderId + "/history").then().statusCode(200)
                .extract().asString();
        List<Object> ids = RunningStack.as(seller(sellerId)).get("/api/v1/orders?limit=100").then().statusCode(200).extract()
                .path("items.orderId");
        return "version " + version + ", history " + history + ", orders " + ids;
    }
}
