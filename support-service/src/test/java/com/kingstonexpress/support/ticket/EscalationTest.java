package com.kingstonexpress.support.ticket;

import static com.kingstonexpress.support.Fixtures.MESSAGING;
import static com.kingstonexpress.support.Fixtures.escalation;
import static com.kingstonexpress.support.Fixtures.newId;
import static com.kingstonexpress.support.ticket.TicketApi.asAgent;
import static com.kingstonexpress.support.ticket.TicketApi.asSeller;
import static com.kingstonexpress.support.ticket.TicketApi.order;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.parking.ParkedEvents;
import com.kingstonexpress.platform.testing.KafkaTopics;
import com.kingstonexpress.support.Fixtures;
import com.kingstonexpress.support.ServiceTest;

import io.quarkus.test.junit.QuarkusTest;

/** "A customer is escalating aggressively": messaging-service's detection opens the ticket, exactly once. */
@QuarkusTest
class EscalationTest extends ServiceTest {

    @Inject
    ParkedEvents parkedEvents;

    @Test
    void aRedeliveredEscalationOpensExactlyOneHighTicketAndALaterOneAddsAComment() {
        String seller = "seller-" + newId();
        String orderId = order(db, seller, "KINGSTON_DISPATCHED");
        String messageId = "msg-" + newId();
        String event = escalation(newId(), orderId, seller, messageId);

        KafkaTopics.send(MESSAGING, orderId, event);
        KafkaTopics.send(MESSAGING, orderId, event);
        // The producer re-publishing the same detection under a new event id changes nothing either.
        KafkaTopics.send(MESSAGING, orderId, escalation(newId(), orderId, seller, messageId));
        String second = escalation(newId(), orderId, seller, "msg-" + newId());
        KafkaTopics.send(MESSAGING, orderId, second);
        await().atMost(TicketApi.WAIT).until(() -> db.count(
                "SELECT count(*) FROM ticket_comment c JOIN ticket t ON t.ticket_id = c.ticket_id WHERE t.order_id = ?1", orderId) == 2);

        assertEquals(1, db.count("SELECT count(*) FROM ticket WHERE order_id = ?1", orderId));
        String ticketId = asSeller(seller).queryParam("category", "CUSTOMER_ESCALATION").when().get("/api/v1/tickets").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].priority", equalTo("HIGH"))
                .extract().path("items[0].ticketId");
        asAgent("agent-1").when().get("/api/v1/tickets/" + ticketId).then().statusCode(200)
                .body("openedBy.kind", equalTo("SYSTEM")).body("comments.authorKind", contains("SYSTEM", "SYSTEM"))
                .body("order.type", equalTo("KINGSTON_DISPATCHED"));

        // The seller's own CUSTOMER_ESCALATION ticket for this order would be the same open question.
        asSeller(seller).body(Map.of("orderId", orderId, "category", "CUSTOMER_ESCALATION", "description", "help"))
                .when().post("/api/v1/tickets").then().statusCode(409).body("existingTicketId", equalTo(ticketId));
    }

    @Test
    void anEscalationNamingAnotherSellerThanTheOrdersIsADeadLetterAndOpensNothing() {
        String orderId = order(db, "seller-" + newId(), "SELLER_MANAGED");
        KafkaTopics.send(MESSAGING, orderId, escalation(newId(), orderId, "impostor-" + newId(), "msg-" + newId()));
        KafkaTopics.await(MESSAGING + ".dlq", r -> orderId.equals(r.key()), l -> l.size() == 1, TicketApi.WAIT);
        assertEquals(0, db.count("SELECT count(*) FROM ticket WHERE order_id = ?1", orderId));
    }

    /** Issue #10: the escalation overtook order.placed. It is kept, and applied (seller checked) when the order arrives. */
    @Test
    void anEscalationBeforeItsOrderIsParkedAndOpensTheTicketWhenTheOrderArrives() {
        String seller = "seller-" + newId();
        String orderId = newId();
        parkEscalation(orderId, seller);
        assertEquals(0, db.count("SELECT count(*) FROM ticket WHERE order_id = ?1", orderId));

        Fixtures.sendPlaced(orderId, seller, "KINGSTON_DISPATCHED");
        awaitReleasedIntoOneTicket(orderId);
        String ticketId = asSeller(seller).queryParam("orderId", orderId).when().get("/api/v1/tickets").then()
                .body("items.category", contains("CUSTOMER_ESCALATION")).extract().path("items[0].ticketId");
        asAgent("agent-1").when().get("/api/v1/tickets/" + ticketId).then().statusCode(200)
                .body("order.type", equalTo("KINGSTON_DISPATCHED"));
    }

    /** The order may become known here by a status change first (order.placed still on its way): that releases it too. */
    @Test
    void aParkedEscalationOpensTheTicketWhenTheOrdersFirstEventIsAStatusChange() {
        String seller = "seller-" + newId();
        String orderId = newId();
        parkEscalation(orderId, seller);

        Fixtures.sendStatus(orderId, seller, "KINGSTON_DISPATCHED", 2, "NEW", "PROCESSING");
        awaitReleasedIntoOneTicket(orderId);
        asSeller(seller).queryParam("orderId", orderId).when().get("/api/v1/tickets").then()
                .body("items.category", contains("CUSTOMER_ESCALATION"));
    }

    @Test
    void anEscalationWhoseOrderNeverArrivesStillOpensTheTicketForTheEventsSellerWhenItExpires() {
        String seller = "seller-" + newId();
        String orderId = newId();
        parkEscalation(orderId, seller);

        parkedEvents.expire(Instant.now().plus(Duration.ofHours(1)));
        assertEquals(1, db.count("SELECT count(*) FROM ticket WHERE order_id = ?1", orderId));
        assertEquals(1, db.count("SELECT count(*) FROM kx_parked_event WHERE awaiting = ?1 AND state = 'EXPIRED'", "order:" + orderId));
        asSeller(seller).queryParam("orderId", orderId).when().get("/api/v1/tickets").then()
                .body("items.category", contains("CUSTOMER_ESCALATION"));
    }

    /** An escalation for an order support does not know yet: it waits, parked. */
    private void parkEscalation(String orderId, String seller) {
        KafkaTopics.send(MESSAGING, orderId, escalation(newId(), orderId, seller, "msg-" + newId()));
        await().atMost(TicketApi.WAIT).until(() -> db.count(
                "SELECT count(*) FROM kx_parked_event WHERE awaiting = ?1 AND state = 'PARKED'", "order:" + orderId) == 1);
    }

    private void awaitReleasedIntoOneTicket(String orderId) {
        await().atMost(TicketApi.WAIT).until(() -> db.count("SELECT count(*) FROM ticket WHERE order_id = ?1", orderId) == 1);
        assertEquals(0, db.count("SELECT count(*) FROM kx_parked_event WHERE awaiting = ?1", "order:" + orderId));
    }
}
