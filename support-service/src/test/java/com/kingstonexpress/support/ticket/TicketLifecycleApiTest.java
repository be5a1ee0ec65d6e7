package com.kingstonexpress.support.ticket;

import static com.kingstonexpress.support.ticket.TicketApi.asAgent;
import static com.kingstonexpress.support.ticket.TicketApi.asSeller;
import static com.kingstonexpress.support.ticket.TicketApi.changeStatus;
import static com.kingstonexpress.support.ticket.TicketApi.open;
import static com.kingstonexpress.support.ticket.TicketApi.order;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.support.ServiceTest;
import com.kingstonexpress.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TicketLifecycleApiTest extends ServiceTest {

    @Test
    void anAgentWorksATicketFromOpenToClosedAndTheSellerAnswersInBetween() {
        String seller = "seller-" + Fixtures.newId();
        String ticketId = open(seller, order(db, seller, "KINGSTON_DISPATCHED"), "INCORRECT_ORDER_STATUS");

        asAgent("agent-7").when().post("/api/v1/tickets/" + ticketId + "/assignment").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("assignee", equalTo("agent-7"));
        changeStatus(asAgent("agent-7"), ticketId, "WAITING_ON_SELLER", null, 200);
        asAgent("agent-7").body(Map.of("body", "Which tracking number did the customer see?"))
                .when().post("/api/v1/tickets/" + ticketId + "/comments").then().statusCode(201)
                .body("authorKind", equalTo("SUPPORT_AGENT"));

        // The seller's answer hands the ticket back to the agent.
        String location = asSeller(seller).body(Map.of("body", "RP123456789GB"))
                .when().post("/api/v1/tickets/" + ticketId + "/comments").then().statusCode(201)
                .body("authorKind", equalTo("SELLER")).extract().header("Location");
        asSeller(seller).when().get(location).then().statusCode(200).body("body", equalTo("RP123456789GB"));
        asSeller(seller).when().get("/api/v1/tickets/" + ticketId).then()
                .body("status", equalTo("IN_PROGRESS")).body("comments.authorKind", contains("SUPPORT_AGENT", "SELLER"));

        changeStatus(asAgent("agent-7"), ticketId, "RESOLVED", null, 400);
        asAgent("agent-7").body(Map.of("status", "RESOLVED", "resolution", "Status corrected to IN_TRANSIT"))
                .when().post("/api/v1/tickets/" + ticketId + "/status").then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolution", equalTo("Status corrected to IN_TRANSIT"))
                .body("reopenableUntil", notNullValue());
        changeStatus(asSeller(seller), ticketId, "CLOSED", null, 200);

        asAgent("agent-7").body(Map.of("status", "OPEN")).when().post("/api/v1/tickets/" + ticketId + "/status")
                .then().statusCode(409).contentType("application/problem+json").body("ruleId", equalTo("TICKET_CLOSED"));
        asSeller(seller).body(Map.of("body", "one more thing")).when().post("/api/v1/tickets/" + ticketId + "/comments")
                .then().statusCode(409).body("ruleId", equalTo("TICKET_CLOSED"));
        asAgent("agent-7").when().post("/api/v1/tickets/" + ticketId + "/assignment").then().statusCode(409)
                .body("ruleId", equalTo("TICKET_NOT_ACTIVE"));
    }

    @Test
    void illegalTransitionsAre409WithTheRule() {
        String seller = "seller-" + Fixtures.newId();
        String ticketId = open(seller, order(db, seller, "KINGSTON_DISPATCHED"), "OTHER");
        changeStatus(asAgent("agent-1"), ticketId, "IN_PROGRESS", null, 200);
        asAgent("agent-1").body(Map.of("status", "OPEN")).when().post("/api/v1/tickets/" + ticketId + "/status")
                .then().statusCode(409).body("ruleId", equalTo("TICKET_NO_GOING_BACK")).body("hint", notNullValue());
        asAgent("agent-1").body(Map.of("status", "IN_PROGRESS")).when().post("/api/v1/tickets/" + ticketId + "/status")
                .then().statusCode(409).body("ruleId", equalTo("TICKET_ALREADY_IN_STATUS"));
        asSeller(seller).body(Map.of("status", "OPEN")).when().post("/api/v1/tickets/" + ticketId + "/status")
                .then().statusCode(409).body("ruleId", equalTo("TICKET_REOPEN_ONLY_RESOLVED"));
        asSeller(seller).body(Map.of("status", "DONE")).when().post("/api/v1/tickets/" + ticketId + "/status")
                .then().statusCode(400).contentType("application/problem+json");
        asSeller("intruder").body(Map.of("status", "OPEN")).when().post("/api/v1/tickets/" + ticketId + "/status")
                .then().statusCode(404);
        asSeller("intruder").body(Map.of("body", "hi")).when().post("/api/v1/tickets/" + ticketId + "/comments")
                .then().statusCode(404);
        asSeller(seller).body(Map.of("body", "")).when().post("/api/v1/tickets/" + ticketId + "/comments")
                .then().statusCode(400);
        assertEquals(0, db.count("SELECT count(*) FROM ticket_comment WHERE ticket_id = ?1", ticketId));
        asSeller(seller).when().get("/api/v1/tickets/" + ticketId).then().body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void theOwnerReopensWithinTheWindowButNotAfterIt() {
        String seller = "seller-" + Fixtures.newId();
        String orderId = order(db, seller, "KINGSTON_DISPATCHED");
        String ticketId = open(seller, orderId, "DISPATCHMENT_ISSUE");
        changeStatus(asAgent("agent-1"), ticketId, "RESOLVED", "Center re-sent the parcel", 200);

        asSeller(seller).body(Map.of("status", "OPEN")).when().post("/api/v1/tickets/" + ticketId + "/status")
                .then().statusCode(200).body("status", equalTo("OPEN")).body("resolution", nullValue());

        changeStatus(asAgent("agent-1"), ticketId, "RESOLVED", "Delivered now", 200);
        // Eight days later (the default window is seven).
        db.update("UPDATE ticket SET resolved_at = now() - interval '8 days' WHERE ticket_id = ?1", ticketId);
        asSeller(seller).body(Map.of("status", "OPEN")).when().post("/api/v1/tickets/" + ticketId + "/status")
                .then().statusCode(409).body("ruleId", equalTo("TICKET_REOPEN_WINDOW_PASSED"))
                .body("hint", containsString("new ticket"));
        asSeller(seller).when().get("/api/v1/tickets/" + ticketId).then().body("status", equalTo("RESOLVED"));
    }

    @Test
    void aResolvedTicketCannotBeReopenedWhileANewOneIsOpenForTheSameQuestion() {
        String seller = "seller-" + Fixtures.newId();
        String orderId = order(db, seller, "KINGSTON_DISPATCHED");
        String first = open(seller, orderId, "OTHER");
        changeStatus(asAgent("agent-1"), first, "RESOLVED", "Answered", 200);
        String second = open(seller, orderId, "OTHER");
        asSeller(seller).body(Map.of("status", "OPEN")).when().post("/api/v1/tickets/" + first + "/status")
                .then().statusCode(409).body("existingTicketId", equalTo(second));
    }
}
