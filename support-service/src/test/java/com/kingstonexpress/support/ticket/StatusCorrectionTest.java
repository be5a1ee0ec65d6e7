package com.kingstonexpress.support.ticket;

import static com.kingstonexpress.support.Fixtures.ORDERS;
import static com.kingstonexpress.support.Fixtures.newId;
import static com.kingstonexpress.support.Fixtures.statusChanged;
import static com.kingstonexpress.support.ticket.TicketApi.asAgent;
import static com.kingstonexpress.support.ticket.TicketApi.open;
import static com.kingstonexpress.support.ticket.TicketApi.order;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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
}
