package com.kingstonexpress.support.ticket;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.kingstonexpress.platform.testing.Callers;
import com.kingstonexpress.support.Db;
import com.kingstonexpress.support.Fixtures;

import io.restassured.specification.RequestSpecification;

/** Test helpers: orders known to the projection, and calls as a seller or an agent. */
final class TicketApi {

    static final Duration WAIT = Duration.ofSeconds(30);

    private TicketApi() {
    }

    /** Places an order on the real topic and waits until the projection has it. */
    static String order(Db db, String sellerId, String type) {
        String orderId = Fixtures.newId();
        Fixtures.sendPlaced(orderId, sellerId, type);
        await().atMost(WAIT).until(() -> db.knowsOrder(orderId));
        return orderId;
    }

    static RequestSpecification asSeller(String sellerId) {
        return Callers.asSeller(sellerId);
    }

    static RequestSpecification asAgent(String agentId) {
        return Callers.asAgent(agentId);
    }

    /** Opens a ticket as the seller and returns its id. */
    static String open(String sellerId, String orderId, String category) {
        return asSeller(sellerId).body(Map.of("orderId", orderId, "category", category, "description", "Please check"))
                .when().post("/api/v1/tickets").then().statusCode(201).extract().path("ticketId");
    }

    static void changeStatus(RequestSpecification as, String ticketId, String status, String resolution, int expected) {
        Map<String, Object> body = resolution == null ? Map.of("status", status) : Map.of("status", status, "resolution", resolution);
        as.body(body).when().post("/api/v1/tickets/" + ticketId + "/status").then().statusCode(expected);
    }
}
