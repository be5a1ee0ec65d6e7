package com.kingstonexpress.fulfillment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.fulfillment.support.OrderFixtures;
import com.kingstonexpress.fulfillment.support.Webhooks;
import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.security.Roles;
import com.kingstonexpress.platform.security.WebhookSignature;
import com.kingstonexpress.platform.testing.HostileInputSweep;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue #12: every operation answers hostile input with a 4xx problem, never a 5xx; webhooks are signed. Orders the
 * sweep does not name keep their tracking: no hostile event, tracking number or incident reaches them.
 */
@QuarkusTest
class HostileInputSweepTest {

    @Inject
    OrderFixtures orders;

    @Test
    void everyOperationAnswersHostileInputWithA4xxProblemAndChangesNothing() {
        // Watched: a dispatched order at the sweep's center and a seller-managed one at its carrier. The sweep's own
        // events name another order and another tracking number.
        Instant placed = Instant.parse("2026-01-01T09:00:00Z");
        String dispatched = orders.kingstonOrder("sweep-seller", placed);
        String sellerManaged = orders.sellerManagedOrder("sweep-seller", placed, "TN-SWEEP-WATCHED");
        String before = tracking(dispatched, sellerManaged);

        String event = Webhooks.centerEvent("evt-sweep-1", "order-sweep-1", "PICKED", Instant.parse("2026-01-01T10:00:00Z"), "");
        String carrierEvent = Webhooks.carrierEvent("evt-sweep-2", "TN-SWEEP-1", "IN_TRANSIT", Instant.parse("2026-01-01T10:00:00Z"), "");
        HostileInputSweep.of(HostileInputSweep.quarkusTestUrl())
                .role(Roles.SELLER, DevTokens.seller("sweep-seller"))
                .role(Roles.OPERATIONS, DevTokens.operations("ops-1"))
                .role(Roles.SUPPORT_AGENT, DevTokens.supportAgent("agent-1"))
                .role(Roles.STOREFRONT, DevTokens.storefront())
                .pathValue("centerId", OrderFixtures.CENTER)
                .pathValue("carrierCode", OrderFixtures.CARRIER)
                // Signed with the sender's real secret, so hostile bodies reach the parsing behind the signature check.
                .signer((path, body) -> Map.of(WebhookSignature.HEADER, WebhookSignature.sign(
                        path.contains("/carriers/") ? Webhooks.CARRIER_SECRET : Webhooks.CENTER_SECRET, Instant.now(),
                        Webhooks.bytes(body))))
                .sampleBody("POST /api/v1/fulfillment-centers/{centerId}/events", Webhooks.batch(event))
                .sampleBody("POST /api/v1/carriers/{carrierCode}/tracking-events", Webhooks.batch(carrierEvent))
                .sampleBody("POST /api/v1/platform/incidents", """
                        {"scope":{"regions":["sweep-region"],"carriers":["sweep-carrier"]},"startsAt":"2026-01-01T10:00:00Z",
                        "endsAt":"2099-01-01T00:00:00Z","customerNote":"Snow"}""")
                .run().assertClean();

        assertEquals(before, tracking(dispatched, sellerManaged), "the hostile calls changed orders they did not name");
    }

    /** The orders' tracking as a support agent sees it: shipments, timelines and refused events. */
    private static String tracking(String... orderIds) {
        return Stream.of(orderIds).map(orderId -> given().auth().oauth2(DevTokens.supportAgent("agent-1"))
                .get("/api/v1/orders/" + orderId + "/tracking").then().statusCode(200).extract().asString())
                .collect(Collectors.joining("\n"));
    }
}
