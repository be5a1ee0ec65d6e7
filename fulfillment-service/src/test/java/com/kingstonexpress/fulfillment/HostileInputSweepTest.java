package com.kingstonexpress.fulfillment;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.fulfillment.support.OrderFixtures;
import com.kingstonexpress.fulfillment.support.Webhooks;
import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.security.Roles;
import com.kingstonexpress.platform.security.WebhookSignature;
import com.kingstonexpress.platform.testing.HostileInputSweep;

import io.quarkus.test.junit.QuarkusTest;

/** Issue #12: every operation answers hostile input with a 4xx problem, never a 5xx; webhooks are signed. */
@QuarkusTest
class HostileInputSweepTest {

    @Test
    void everyOperationAnswersHostileInputWithA4xxProblem() {
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
    }
}
