package com.kingstonexpress.support.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.security.Roles;
import com.kingstonexpress.platform.testing.Callers;
import com.kingstonexpress.platform.testing.HostileInputSweep;
import com.kingstonexpress.support.Fixtures;
import com.kingstonexpress.support.ServiceTest;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue #12: every operation answers hostile input with a 4xx problem, never a 5xx, and the seller's ticket is
 * unchanged; another seller's ticket is 404 on every route naming it.
 */
@QuarkusTest
class HostileInputSweepTest extends ServiceTest {

    private static final String ASSIGNMENT = "POST /api/v1/tickets/{ticketId}/assignment";

    @Test
    void everyOperationAnswersHostileInputWithA4xxProblemAndChangesNothing() {
        String seller = "sweep-" + Fixtures.newId();
        String orderId = TicketApi.order(db, seller, "KINGSTON_DISPATCHED");
        String ticketId = TicketApi.open(seller, orderId, "INCORRECT_ORDER_STATUS");
        String before = snapshot(seller, ticketId);

        HostileInputSweep.of(HostileInputSweep.quarkusTestUrl())
                .role(Roles.SELLER, DevTokens.seller(seller))
                .role(Roles.SUPPORT_AGENT, DevTokens.supportAgent("agent-1"))
                .role(Roles.STOREFRONT, DevTokens.storefront())
                .role(Roles.OPERATIONS, DevTokens.operations("ops-1"))
                .pathValue("ticketId", ticketId)
                .sampleBody("POST /api/v1/tickets/preflight", """
                        {"orderId":"%s","category":"INCORRECT_ORDER_STATUS"}""".formatted(orderId))
                // The order already has an open ticket: a valid body is refused (409), so nothing new is opened.
                .sampleBody("POST /api/v1/tickets", """
                        {"orderId":"%s","category":"INCORRECT_ORDER_STATUS","description":"x"}""".formatted(orderId))
                // Taking a ticket needs no body, so any call with a valid id takes it: only unknown ids are sent there.
                .skip(ASSIGNMENT::equals)
                .run().assertClean();
        HostileInputSweep.of(HostileInputSweep.quarkusTestUrl())
                .role(Roles.SUPPORT_AGENT, DevTokens.supportAgent("agent-1"))
                .pathValue("ticketId", "ticket-unknown")
                .skip(operation -> !operation.equals(ASSIGNMENT))
                .run().assertClean();

        assertEquals(before, snapshot(seller, ticketId), "the hostile calls changed the seller's tickets");
    }

    @Test
    void anotherSellersTicketIsNotFoundOnEveryRouteNamingIt() {
        String victim = "victim-" + Fixtures.newId();
        String ticketId = TicketApi.open(victim, TicketApi.order(db, victim, "KINGSTON_DISPATCHED"), "INCORRECT_ORDER_STATUS");
        String before = snapshot(victim, ticketId);
        HostileInputSweep.of(HostileInputSweep.quarkusTestUrl())
                .role(Roles.SELLER, DevTokens.seller("intruder-" + Fixtures.newId()))
                .sampleBody("POST /api/v1/tickets/{ticketId}/status", "{\"status\":\"OPEN\"}")
                .sampleBody("POST /api/v1/tickets/{ticketId}/comments", "{\"body\":\"mine now\"}")
                .foreignResource("ticketId", ticketId).assertClean();
        assertEquals(before, snapshot(victim, ticketId), "another seller changed the ticket");
    }

    private static String snapshot(String seller, String ticketId) {
        String ticket = Callers.asSeller(seller).get("/api/v1/tickets/" + ticketId).then().statusCode(200).extract().asString();
        String list = Callers.asSeller(seller).get("/api/v1/tickets?limit=100").then().statusCode(200).extract().path("items.ticketId")
                .toString();
        return ticket + " " + list;
    }
}
