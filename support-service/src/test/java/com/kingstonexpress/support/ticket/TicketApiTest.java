package com.kingstonexpress.support.ticket;

import static com.kingstonexpress.support.ticket.TicketApi.asAgent;
import static com.kingstonexpress.support.ticket.TicketApi.asSeller;
import static com.kingstonexpress.support.ticket.TicketApi.open;
import static com.kingstonexpress.support.ticket.TicketApi.order;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.support.ServiceTest;
import com.kingstonexpress.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
class TicketApiTest extends ServiceTest {

    @Test
    void aSellerOpensATicketOnTheirOrderAndSeesItWithTheTimelineSnapshot() {
        String seller = "seller-" + Fixtures.newId();
        String orderId = order(db, seller, "KINGSTON_DISPATCHED");

        String ticketId = asSeller(seller).body(Map.of("orderId", orderId, "category", "INCORRECT_ORDER_STATUS",
                "description", "Shown as NEW for a week"))
                .when().post("/api/v1/tickets")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/tickets/"))
                .body("orderId", equalTo(orderId)).body("sellerId", equalTo(seller))
                .body("status", equalTo("OPEN")).body("priority", equalTo("NORMAL"))
                .body("order.type", equalTo("KINGSTON_DISPATCHED")).body("order.status", equalTo("NEW"))
                .body("timelineSnapshot", hasSize(0)).body("openedBy.kind", equalTo("SELLER"))
                .extract().path("ticketId");

        asSeller(seller).when().get("/api/v1/tickets/" + ticketId).then().statusCode(200)
                .body("ticketId", equalTo(ticketId)).body("description", equalTo("Shown as NEW for a week"))
                .body("comments", hasSize(0));
        asAgent("agent-1").when().get("/api/v1/tickets/" + ticketId).then().statusCode(200);
        // Another seller cannot even tell that the ticket exists.
        asSeller("someone-else").when().get("/api/v1/tickets/" + ticketId).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aTicketWithoutAnOrderIdIsRefusedAndNothingIsStored() {
        String seller = "seller-" + Fixtures.newId();
        asSeller(seller).body(Map.of("category", "OTHER", "description", "help"))
                .when().post("/api/v1/tickets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("orderId"));
        asSeller(seller).body(Map.of("orderId", " ", "category", "OTHER", "description", "help"))
                .when().post("/api/v1/tickets").then().statusCode(400);
        assertEquals(0, db.count("SELECT count(*) FROM ticket WHERE seller_id = ?1", seller));
    }

    @Test
    void badInputIs400AndStoresNothing() {
        String seller = "seller-" + Fixtures.newId();
        String orderId = order(db, seller, "SELLER_MANAGED");
        List<String> bodies = List.of(
                "{\"orderId\":\"" + orderId + "\",\"category\":\"BILLING\",\"description\":\"x\"}",
                "{\"orderId\":\"" + orderId + "\",\"category\":\"OTHER\"}",
                "{\"orderId\":\"" + orderId + "\",\"category\":\"OTHER\",\"description\":\"" + "x".repeat(4001) + "\"}",
                "{\"orderId\":" + 42 + ",\"category\":\"OTHER\",\"description\":[1]}",
                "{\"orderId\":\"" + "o".repeat(101) + "\",\"category\":\"OTHER\",\"description\":\"x\"}",
                "{not json",
                "");
        for (String body : bodies) {
            asSeller(seller).body(body).when().post("/api/v1/tickets")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        assertEquals(0, db.count("SELECT count(*) FROM ticket WHERE seller_id = ?1", seller));
        assertEquals(0, db.count("SELECT count(*) FROM kx_outbox WHERE payload LIKE ?1", "%" + orderId + "%"));
    }

    @Test
    void anUnknownOrAnotherSellersOrderIsNotFound() {
        String seller = "seller-" + Fixtures.newId();
        String othersOrder = order(db, "other-" + Fixtures.newId(), "KINGSTON_DISPATCHED");
        for (String orderId : List.of(Fixtures.newId(), othersOrder)) {
            asSeller(seller).body(Map.of("orderId", orderId, "category", "OTHER", "description", "help"))
                    .when().post("/api/v1/tickets")
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("detail", containsString(orderId));
            asSeller(seller).body(Map.of("orderId", orderId, "category", "OTHER"))
                    .when().post("/api/v1/tickets/preflight").then().statusCode(404);
        }
        assertEquals(0, db.count("SELECT count(*) FROM ticket WHERE seller_id = ?1", seller));
    }

    @Test
    void aDispatchmentIssueOnASellerManagedOrderIsUnprocessable() {
        String seller = "seller-" + Fixtures.newId();
        String orderId = order(db, seller, "SELLER_MANAGED");
        asSeller(seller).body(Map.of("orderId", orderId, "category", "DISPATCHMENT_ISSUE", "description", "help"))
                .when().post("/api/v1/tickets")
                .then().statusCode(422).contentType("application/problem+json")
                .body("ruleId", equalTo("DISPATCHMENT_ISSUE_KINGSTON_DISPATCHED_ONLY"));
        assertEquals(0, db.count("SELECT count(*) FROM ticket WHERE order_id = ?1", orderId));

        String kingston = order(db, seller, "KINGSTON_DISPATCHED");
        open(seller, kingston, "DISPATCHMENT_ISSUE");
    }

    @Test
    void aSecondOpenTicketForTheSameOrderAndCategoryIsAConflictNamingTheFirst() {
        String seller = "seller-" + Fixtures.newId();
        String orderId = order(db, seller, "KINGSTON_DISPATCHED");
        String first = open(seller, orderId, "INCORRECT_ORDER_STATUS");

        asSeller(seller).body(Map.of("orderId", orderId, "category", "INCORRECT_ORDER_STATUS", "description", "again"))
                .when().post("/api/v1/tickets")
                .then().statusCode(409).contentType("application/problem+json")
                .body("existingTicketId", equalTo(first)).body("detail", containsString(first))
                .body("ruleId", equalTo("ONE_OPEN_TICKET_PER_ORDER_AND_CATEGORY"));
        // Another category for the same order is a different question.
        open(seller, orderId, "OTHER");
        assertEquals(2, db.count("SELECT count(*) FROM ticket WHERE order_id = ?1", orderId));
    }

    @Test
    void theDatabaseHoldsOneOpenTicketPerOrderAndCategory() {
        String seller = "seller-" + Fixtures.newId();
        String orderId = order(db, seller, "KINGSTON_DISPATCHED");
        String first = open(seller, orderId, "OTHER");
        try {
            db.update("""
                    INSERT INTO ticket (ticket_id, order_id, seller_id, category, priority, priority_rank, status, description,
                        opened_by_kind, opened_by, order_attention, timeline_snapshot, created_at, updated_at)
                    SELECT 'sneaky-' || ticket_id, order_id, seller_id, category, priority, priority_rank, 'IN_PROGRESS', description,
                        opened_by_kind, opened_by, order_attention, timeline_snapshot, created_at, updated_at
                    FROM ticket WHERE ticket_id = ?1""", first);
            throw new AssertionError("a second open ticket was stored");
        } catch (RuntimeException expected) {
            assertEquals(1, db.count("SELECT count(*) FROM ticket WHERE order_id = ?1", orderId));
        }
    }

    @Test
    void concurrentCreatesForTheSameOrderAndCategoryOpenExactlyOneTicket() throws Exception {
        String seller = "seller-" + Fixtures.newId();
        String orderId = order(db, seller, "KINGSTON_DISPATCHED");
        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return asSeller(seller).body(Map.of("orderId", orderId, "category", "OTHER", "description", "race"))
                            .when().post("/api/v1/tickets").then().extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(attempts - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, db.count("SELECT count(*) FROM ticket WHERE order_id = ?1", orderId));
        assertEquals(1, db.count("SELECT count(*) FROM kx_outbox WHERE event_type = 'com.kingstonexpress.support.ticket-opened.v1'"
                + " AND payload LIKE ?1", "%" + orderId + "%"));
    }

    @Test
    void anExpiredOrForgedTokenIs401() {
        String expired = DevTokens.token("seller-user-x", Set.of("seller"), "x", Duration.ofMinutes(-5));
        given().auth().oauth2(expired).when().get("/api/v1/tickets").then().statusCode(401)
                .contentType("application/problem+json");
        String token = DevTokens.seller("x");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).when().get("/api/v1/tickets").then().statusCode(401);
        given().auth().oauth2(DevTokens.operations("ops-1")).when().get("/api/v1/tickets").then().statusCode(403);
    }

    @Test
    void anIdempotentRetryReturnsTheFirstTicket() {
        String seller = "seller-" + Fixtures.newId();
        String orderId = order(db, seller, "KINGSTON_DISPATCHED");
        Map<String, String> body = Map.of("orderId", orderId, "category", "OTHER", "description", "help");
        String key = Fixtures.newId();
        String first = asSeller(seller).header("Idempotency-Key", key).body(body).when().post("/api/v1/tickets")
                .then().statusCode(201).extract().path("ticketId");
        asSeller(seller).header("Idempotency-Key", key).body(body).when().post("/api/v1/tickets")
                .then().statusCode(201).header("Location", endsWith("/api/v1/tickets/" + first))
                .body("ticketId", equalTo(first));
        asSeller(seller).header("Idempotency-Key", key).body(Map.of("orderId", orderId, "category", "CUSTOMER_ESCALATION",
                "description", "other")).when().post("/api/v1/tickets").then().statusCode(422);
        assertEquals(1, db.count("SELECT count(*) FROM ticket WHERE order_id = ?1", orderId));
    }

    @Test
    void aCustomerEscalationIsHighPriority() {
        String seller = "seller-" + Fixtures.newId();
        String orderId = order(db, seller, "SELLER_MANAGED");
        asSeller(seller).body(Map.of("orderId", orderId, "category", "CUSTOMER_ESCALATION", "description", "threatens a dispute"))
                .when().post("/api/v1/tickets").then().statusCode(201).body("priority", equalTo("HIGH"));
    }

    @Test
    void aSellerCannotActAsAnAgentNorAnAgentAsASeller() {
        String seller = "seller-" + Fixtures.newId();
        String orderId = order(db, seller, "KINGSTON_DISPATCHED");
        String ticketId = open(seller, orderId, "OTHER");

        asSeller(seller).when().post("/api/v1/tickets/" + ticketId + "/assignment")
                .then().statusCode(403).contentType("application/problem+json");
        asSeller(seller).body(Map.of("status", "RESOLVED", "resolution", "fixed it myself"))
                .when().post("/api/v1/tickets/" + ticketId + "/status")
                .then().statusCode(403).body("ruleId", equalTo("TICKET_AGENT_ONLY"));
        asAgent("agent-1").body(Map.of("orderId", orderId, "category", "INCORRECT_ORDER_STATUS", "description", "x"))
                .when().post("/api/v1/tickets").then().statusCode(403);
        given().contentType(ContentType.JSON).when().get("/api/v1/tickets").then().statusCode(401);
        asSeller(seller).when().get("/api/v1/tickets/" + ticketId).then().body("status", equalTo("OPEN"))
                .body("assignee", nullValue());
    }

    @Test
    void preflightTellsWhetherSupportIsTheRightMove() {
        String seller = "seller-" + Fixtures.newId();
        String kingston = order(db, seller, "KINGSTON_DISPATCHED");
        Fixtures.sendStatus(kingston, seller, "KINGSTON_DISPATCHED", 2, "NEW", "PROCESSING");
        Fixtures.sendStatus(kingston, seller, "KINGSTON_DISPATCHED", 3, "PROCESSING", "SHIPPED");
        Fixtures.sendStatus(kingston, seller, "KINGSTON_DISPATCHED", 4, "SHIPPED", "IN_TRANSIT");
        org.awaitility.Awaitility.await().atMost(TicketApi.WAIT).until(() -> db.count(
                "SELECT count(*) FROM order_projection WHERE order_id = ?1 AND status = 'IN_TRANSIT'", kingston) == 1);

        asSeller(seller).body(Map.of("orderId", kingston, "category", "INCORRECT_ORDER_STATUS"))
                .when().post("/api/v1/tickets/preflight").then().statusCode(200)
                .body("recommendation", equalTo("NO_ACTION_NEEDED")).body("reason", containsString("Let the process work"))
                .body("ticketAllowed", equalTo(true));
        asSeller(seller).body(Map.of("orderId", kingston, "category", "CUSTOMER_ESCALATION"))
                .when().post("/api/v1/tickets/preflight").then().statusCode(200)
                .body("recommendation", equalTo("CONTACT_SUPPORT"));

        String sellerManaged = order(db, seller, "SELLER_MANAGED");
        asSeller(seller).body(Map.of("orderId", sellerManaged, "category", "DISPATCHMENT_ISSUE"))
                .when().post("/api/v1/tickets/preflight").then().statusCode(200)
                .body("recommendation", equalTo("NOT_APPLICABLE")).body("ticketAllowed", equalTo(false));
        asSeller(seller).body(Map.of("category", "OTHER")).when().post("/api/v1/tickets/preflight").then().statusCode(400);
        // Still allowed: the advice never blocks a ticket.
        open(seller, kingston, "INCORRECT_ORDER_STATUS");
    }

    @Test
    void sellersListTheirOwnTicketsAndAgentsWorkTheQueueByPriorityThenAge() {
        String seller = "seller-" + Fixtures.newId();
        String a = order(db, seller, "KINGSTON_DISPATCHED");
        String b = order(db, seller, "SELLER_MANAGED");
        String normalOld = open(seller, a, "OTHER");
        String normalNew = open(seller, b, "OTHER");
        String high = open(seller, b, "CUSTOMER_ESCALATION");
        String otherSeller = "other-" + Fixtures.newId();
        String other = open(otherSeller, order(db, otherSeller, "SELLER_MANAGED"), "OTHER");

        List<String> own = asSeller(seller).when().get("/api/v1/tickets").then().statusCode(200)
                .extract().jsonPath().getList("items.ticketId");
        assertEquals(List.of(high, normalOld, normalNew), own);

        // Page through the seller's list two at a time.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var spec = asSeller(seller).queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.when().get("/api/v1/tickets").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.ticketId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(own, paged);

        asSeller(seller).queryParam("priority", "HIGH").when().get("/api/v1/tickets").then()
                .body("items.ticketId", contains(high));
        asSeller(seller).queryParam("category", "OTHER").queryParam("status", "OPEN").when().get("/api/v1/tickets").then()
                .body("items.ticketId", contains(normalOld, normalNew));

        // The agent queue holds everybody's tickets; HIGH ones come first.
        List<String> queue = asAgent("agent-1").queryParam("limit", 100).when().get("/api/v1/tickets").then().statusCode(200)
                .extract().jsonPath().getList("items.ticketId");
        assertEquals(true, queue.containsAll(List.of(high, normalOld, normalNew, other)));
        assertEquals(true, queue.indexOf(high) < queue.indexOf(normalOld));
        assertEquals(true, queue.indexOf(normalOld) < queue.indexOf(normalNew));
        List<String> priorities = asAgent("agent-1").queryParam("limit", 100).when().get("/api/v1/tickets").then()
                .extract().jsonPath().getList("items.priority");
        assertEquals(priorities.stream().sorted().toList(), priorities, "HIGH sorts before NORMAL");
    }

    @Test
    void badListParametersAre400() {
        for (Map<String, String> params : List.of(Map.of("status", "SOLVED"), Map.of("category", "x"),
                Map.of("priority", "URGENT"), Map.of("limit", "0"), Map.of("limit", "abc"), Map.of("cursor", "not-a-cursor"))) {
            asAgent("agent-1").queryParams(params).when().get("/api/v1/tickets").then().statusCode(400)
                    .contentType("application/problem+json").body("status", notNullValue());
        }
    }
}
