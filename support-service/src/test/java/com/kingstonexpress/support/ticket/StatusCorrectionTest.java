package com.kingstonexpress.support.ticket;

import static com.kingstonexpress.support.Fixtures.ORDERS;
import static com.kingstonexpress.support.Fixtures.newId;
import static com.kingstonexpress.support.Fixtures.statusChanged;
import static com.kingstonexpress.support.ticket.TicketApi.asAgent;
import static com.kingstonexpress.support.ticket.TicketApi.asSeller;
import static com.kingstonexpress.support.ticket.TicketApi.open;
import static com.kingstonexpress.support.ticket.TicketApi.order;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.testing.KafkaTopics;
import com.kingstonexpress.support.ServiceTest;

import io.quarkus.test.junit.QuarkusTest;

/** An agent's audited correction in order-service shows up on the order's open tickets. */
@QuarkusTest
class StatusCorrectionTest extends ServiceTest {

    @Test
    void aSupportAgentsCorrectionIsRecordedOnTheOpenTicketsOnce() {
        String seller = "seller-" + newId();
        String orderId = order(db, seller, "KINGSTON_DISPATCHED");
        String ticketId = open(seller, orderId, "INCORRECT_ORDER_STATUS");
        String correction = statusChanged(newId(), orderId, seller, "KINGSTON_DISPATCHED", 2, "NEW", "IN_TRANSIT",
                "SUPPORT_AGENT", "agent-3", "Carrier scans show it moving");
        KafkaTopics.send(ORDERS, orderId, correction);
        KafkaTopics.send(ORDERS, orderId, correction);
        String marker = newId();
        KafkaTopics.send(ORDERS, orderId, statusChanged(marker, orderId, seller, "KINGSTON_DISPATCHED", 3, "IN_TRANSIT",
                "DELIVERED", "CARRIER", "royal-parcel", null));
        await().atMost(TicketApi.WAIT).until(() -> db.count("SELECT count(*) FROM kx_inbox WHERE event_id = ?1", marker) == 1);

        asAgent("agent-3").when().get("/api/v1/tickets/" + ticketId).then().statusCode(200)
                .body("corrections", hasSize(1))
                .body("corrections[0].to", equalTo("IN_TRANSIT")).body("corrections[0].actorId", equalTo("agent-3"))
                .body("corrections[0].reason", equalTo("Carrier scans show it moving"))
                .body("comments.authorKind", contains("SYSTEM"))
                .body("comments[0].body", containsString("IN_TRANSIT"))
                // The snapshot is the order as it was at opening; corrections come after it.
                .body("timelineSnapshot", hasSize(0));
    }
    /**
     * #12 L5: staff identities (often e-mail addresses) are for staff. Wherever an agent's id stands (the assignee, an
     * agent's comment, a correction, an agent's entry in the timeline snapshot) a seller sees the role instead, in
     * the detail, the list and a single comment; an agent still sees the id.
     */
    @Test
    void aSellerSeesTheSupportRoleWhereAnAgentsIdStandsAndAnAgentSeesTheId() {
        String seller = "seller-" + newId();
        String agent = "agent-" + newId() + "@kingstonexpress.example";
        String orderId = order(db, seller, "KINGSTON_DISPATCHED");
        String earlier = newId();
        KafkaTopics.send(ORDERS, orderId, statusChanged(earlier, orderId, seller, "KINGSTON_DISPATCHED", 2, "NEW", "PROCESSING",
                "SUPPORT_AGENT", agent, "Started on the seller's behalf"));
        await().atMost(TicketApi.WAIT).until(() -> db.count("SELECT count(*) FROM kx_inbox WHERE event_id = ?1", earlier) == 1);
        String ticketId = open(seller, orderId, "INCORRECT_ORDER_STATUS");
        asAgent(agent).when().post("/api/v1/tickets/" + ticketId + "/assignment").then().statusCode(200)
                .body("assignee", equalTo(agent));
        String comment = asAgent(agent).body(Map.of("body", "Looking into it")).when().post("/api/v1/tickets/" + ticketId + "/comments")
                .then().statusCode(201).body("authorId", equalTo(agent)).extract().header("Location");
        String correction = newId();
        KafkaTopics.send(ORDERS, orderId, statusChanged(correction, orderId, seller, "KINGSTON_DISPATCHED", 3, "PROCESSING",
                "IN_TRANSIT", "SUPPORT_AGENT", agent, "Carrier scans show it moving"));
        await().atMost(TicketApi.WAIT).until(() -> db.count("SELECT count(*) FROM kx_inbox WHERE event_id = ?1", correction) == 1);

        String detail = asSeller(seller).when().get("/api/v1/tickets/" + ticketId).then().statusCode(200)
                .body("assignee", equalTo("SUPPORT_AGENT"))
                .body("comments.authorId", hasItem("SUPPORT_AGENT"))
                .body("corrections[0].actorId", equalTo("SUPPORT_AGENT"))
                .body("corrections[0].reason", equalTo("Carrier scans show it moving"))
                .body("timelineSnapshot[0].actorKind", equalTo("SUPPORT_AGENT"))
                .body("timelineSnapshot[0].actorId", equalTo("SUPPORT_AGENT"))
                .body("openedBy.id", not(equalTo("SUPPORT_AGENT")))
                .extract().asString();
        assertFalse(detail.contains(agent), detail);
        String list = asSeller(seller).queryParam("orderId", orderId).when().get("/api/v1/tickets").then().statusCode(200)
                .body("items.assignee", everyItem(equalTo("SUPPORT_AGENT"))).extract().asString();
        assertFalse(list.contains(agent), list);
        asSeller(seller).when().get(comment).then().statusCode(200).body("authorKind", equalTo("SUPPORT_AGENT"))
                .body("authorId", equalTo("SUPPORT_AGENT"));

        asAgent("agent-other").when().get("/api/v1/tickets/" + ticketId).then().statusCode(200)
                .body("assignee", equalTo(agent))
                .body("comments.authorId", hasItem(agent))
                .body("corrections[0].actorId", equalTo(agent))
                .body("timelineSnapshot[0].actorId", equalTo(agent));
        asAgent("agent-other").queryParam("orderId", orderId).when().get("/api/v1/tickets").then().statusCode(200)
                .body("items.assignee", hasItem(agent));
        asAgent("agent-other").when().get(comment).then().statusCode(200).body("authorId", equalTo(agent));
    }
}
