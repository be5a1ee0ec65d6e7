package com.kingstonexpress.notification.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.notification.Events;
import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.security.Roles;
import com.kingstonexpress.platform.testing.Callers;
import com.kingstonexpress.platform.testing.HostileInputSweep;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue #12: every operation answers hostile input with a 4xx problem, never a 5xx, and the seller's subscriptions
 * are unchanged; another seller's subscription is 404 on every route naming it.
 */
@QuarkusTest
class HostileInputSweepTest {

    private static final String PATH = "/api/v1/notification-subscriptions";

    @Test
    void everyOperationAnswersHostileInputWithA4xxProblemAndChangesNothing() {
        String seller = Events.newSeller();
        String subscriptionId = subscribe(seller);
        String before = snapshot(seller);

        HostileInputSweep.of(HostileInputSweep.quarkusTestUrl())
                .role(Roles.SELLER, DevTokens.seller(seller))
                .role(Roles.SUPPORT_AGENT, DevTokens.supportAgent("agent-1"))
                .role(Roles.STOREFRONT, DevTokens.storefront())
                .role(Roles.OPERATIONS, DevTokens.operations("ops-1"))
                .pathValue("subscriptionId", subscriptionId)
                // The stream never ends by design; its Last-Event-ID parsing is covered by NotificationStreamTest.
                .skip(operation -> operation.endsWith("/stream"))
                // DELETE with a valid id would remove the subscription: only hostile ids are sent to it.
                .skip(operation -> operation.equals("DELETE " + PATH + "/{subscriptionId}"))
                .run().assertClean();
        HostileInputSweep.of(HostileInputSweep.quarkusTestUrl())
                .role(Roles.SELLER, DevTokens.seller(seller))
                .skip(operation -> !operation.equals("DELETE " + PATH + "/{subscriptionId}"))
                .pathValue("subscriptionId", "sub_unknown")
                .run().assertClean();

        assertEquals(before, snapshot(seller), "the hostile calls changed the seller's subscriptions");
    }

    @Test
    void anotherSellersSubscriptionIsNotFoundOnEveryRouteNamingIt() {
        String victim = Events.newSeller();
        String subscriptionId = subscribe(victim);
        String before = snapshot(victim);
        HostileInputSweep.of(HostileInputSweep.quarkusTestUrl())
                .role(Roles.SELLER, DevTokens.seller(Events.newSeller()))
                .foreignResource("subscriptionId", subscriptionId).assertClean();
        assertEquals(before, snapshot(victim), "another seller changed the subscription");
    }

    private static String subscribe(String seller) {
        return Callers.asSeller(seller).body(Map.of("url", "https://hooks.seller.example/kx", "eventTypes", List.of("order.placed")))
                .post(PATH).then().statusCode(201).extract().path("subscriptionId");
    }

    private static String snapshot(String seller) {
        return Callers.asSeller(seller).get(PATH).then().statusCode(200).extract().asString();
    }
}
