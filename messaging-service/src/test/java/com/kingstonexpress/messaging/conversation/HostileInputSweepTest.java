package com.kingstonexpress.messaging.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.messaging.support.Messaging;
import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.security.Roles;
import com.kingstonexpress.platform.testing.HostileInputSweep;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue #12: every operation answers hostile input with a 4xx problem, never a 5xx, and the conversation is
 * unchanged; another seller's conversation is 404 on every route naming it.
 */
@QuarkusTest
class HostileInputSweepTest {

    @Test
    void everyOperationAnswersHostileInputWithA4xxProblemAndChangesNothing() {
        String seller = "sweep-" + UUID.randomUUID();
        String customer = "customer-" + UUID.randomUUID();
        String orderId = Messaging.placeOrder(seller, customer, "SELLER_MANAGED");
        String conversationId = Messaging.customerWrites(orderId, customer, "Where is my parcel?");
        long before = Messaging.count("select count(*) from message");

        HostileInputSweep.of(HostileInputSweep.quarkusTestUrl())
                .role(Roles.SELLER, DevTokens.seller(seller))
                .role(Roles.STOREFRONT, DevTokens.storefront())
                .role(Roles.SUPPORT_AGENT, DevTokens.supportAgent("agent-1"))
                .role(Roles.OPERATIONS, DevTokens.operations("ops-1"))
                .pathValue("conversationId", conversationId)
                // The customer id is not the order's: a valid message is refused, so none is added.
                .sampleBody("POST /api/v1/customer-messages", """
                        {"messageId":"m-sweep","orderId":"%s","customerId":"someone-else","body":"Hello"}""".formatted(orderId))
                .sampleBody("POST /api/v1/conversations/{conversationId}/reply-check", "{\"body\":\"We will ship it today.\"}")
                .run().assertClean();

        assertEquals(before, Messaging.count("select count(*) from message"), "the hostile calls added or removed messages");
    }

    @Test
    void anotherSellersConversationIsNotFoundOnEveryRouteNamingIt() {
        String victim = "victim-" + UUID.randomUUID();
        String customer = "customer-" + UUID.randomUUID();
        String conversationId = Messaging.customerWrites(Messaging.placeOrder(victim, customer, "SELLER_MANAGED"), customer, "Hi");
        long before = Messaging.count("select count(*) from message");
        HostileInputSweep.of(HostileInputSweep.quarkusTestUrl())
                .role(Roles.SELLER, DevTokens.seller("intruder-" + UUID.randomUUID()))
                .sampleBody("POST /api/v1/conversations/{conversationId}/messages", "{\"body\":\"We will ship it today.\"}")
                .sampleBody("POST /api/v1/conversations/{conversationId}/reply-check", "{\"body\":\"We will ship it today.\"}")
                .foreignResource("conversationId", conversationId).assertClean();
        assertEquals(before, Messaging.count("select count(*) from message"), "another seller added a message");
    }
}
