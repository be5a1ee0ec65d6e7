package com.kingstonexpress.order.orders.api;

import static com.kingstonexpress.order.Fixtures.act;
import static com.kingstonexpress.order.Fixtures.agent;
import static com.kingstonexpress.order.Fixtures.as;
import static com.kingstonexpress.order.Fixtures.order;
import static com.kingstonexpress.order.Fixtures.place;
import static com.kingstonexpress.order.Fixtures.seller;
import static com.kingstonexpress.order.Fixtures.storefront;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.infra.DevTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Who may call what, and bad input: problem+json 4xx and nothing changed in the database. */
@QuarkusTest
class OrderSecurityAndInputTest {

    private static final String SELLER = "security-seller";

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void withoutAValidTokenEverythingIs401() {
        String id = place(SELLER, "SELLER_MANAGED");
        String expired = DevTokens.token("seller-user-" + SELLER, Set.of("seller"), SELLER, Duration.ofMinutes(-10));
        String valid = seller(SELLER);
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "c2lnbmF0dXJlLWZvcmdlZA";
        for (String path : List.of("/api/v1/orders", "/api/v1/orders/summary", "/api/v1/orders/" + id, "/api/v1/orders/" + id + "/history",
                "/api/v1/orders/" + id + "/actions")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
            given().auth().oauth2(expired).get(path).then().statusCode(401);
            given().auth().oauth2(forged).get(path).then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(order(SELLER, "SELLER_MANAGED")).post("/api/v1/orders").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/orders/" + id + "/actions/start-processing").then().statusCode(401);
    }

    @Test
    void wrongRolesAre403() {
        String id = place(SELLER, "SELLER_MANAGED");
        as(seller(SELLER)).body(order(SELLER, "SELLER_MANAGED")).post("/api/v1/orders").then().statusCode(403)
                .contentType("application/problem+json");
        as(storefront()).get("/api/v1/orders").then().statusCode(403);
        as(storefront()).get("/api/v1/orders/" + id).then().statusCode(403);
        as(agent()).get("/api/v1/orders/summary").then().statusCode(403);
        as(agent()).body(Map.of()).post("/api/v1/orders/" + id + "/actions/start-processing").then().statusCode(403);
        as(seller(SELLER)).body(Map.of("status", "NEW", "reason", "x")).post("/api/v1/support/orders/" + id + "/status-corrections")
                .then().statusCode(403);
        as(seller(SELLER)).body(Map.of("customerId", "c")).post("/api/v1/orders/" + id + "/customer-confirmations").then().statusCode(403);
        as(DevTokens.operations("ops-1")).get("/api/v1/orders/" + id).then().statusCode(403);
    }

    @Test
    void anotherSellersOrderIsNotFound() {
        String id = place(SELLER, "SELLER_MANAGED");
        String other = seller("someone-else");
        as(other).get("/api/v1/orders/" + id).then().statusCode(404).contentType("application/problem+json");
        as(other).get("/api/v1/orders/" + id + "/history").then().statusCode(404);
        as(other).get("/api/v1/orders/" + id + "/actions").then().statusCode(404);
        as(other).body(Map.of()).post("/api/v1/orders/" + id + "/actions/start-processing").then().statusCode(404);
        as(other).get("/api/v1/orders").then().statusCode(200).body("items.orderId", not(hasItem(id)));
        as(seller(SELLER)).get("/api/v1/orders/" + id).then().body("status", equalTo("NEW"));
        as(agent()).get("/api/v1/orders/" + id).then().statusCode(200);
        as(seller(SELLER)).get("/api/v1/orders/no-such-order").then().statusCode(404);
        as(seller(SELLER)).body(Map.of()).post("/api/v1/orders/" + id + "/actions/teleport").then().statusCode(404);
    }

    @Test
    void malformedOrdersAre400AndNothingIsPersisted() {
        long before = orderCount();
        List<Consumer<Map<String, Object>>> breakages = List.of(
                b -> b.remove("sellerId"),
                b -> b.remove("lines"),
                b -> b.put("lines", List.of()),
                b -> b.put("type", "DROPSHIPPED"),
                b -> b.put("shippingMethod", "TELEPORT"),
                b -> b.put("customerName", "x".repeat(201)),
                b -> b.put("notes", "x".repeat(2001)),
                b -> b.put("lines", List.of(Map.of("sku", "A", "title", "T", "quantity", -1, "unitPrice", Map.of("amount", 1, "currency", "GBP")))),
                b -> b.put("lines", List.of(Map.of("sku", "A", "title", "T", "quantity", 0, "unitPrice", Map.of("amount", 1, "currency", "GBP")))),
                b -> b.put("lines", List.of(Map.of("sku", "A", "title", "T", "quantity", "two", "unitPrice", Map.of("amount", 1, "currency", "GBP")))),
                b -> b.put("lines", List.of(Map.of("sku", "A", "title", "T", "quantity", 1, "unitPrice", Map.of("amount", -3, "currency", "GBP")))),
                b -> b.put("lines", List.of(Map.of("sku", "A", "title", "T", "quantity", 1, "unitPrice", Map.of("amount", 1, "currency", "pounds")))),
                b -> b.put("deliveryAddress", Map.of("name", "A", "line1", "B", "city", "C", "country", "Britain")),
                b -> b.put("deliveryAddress", "12 Downing Street"),
                b -> b.put("lines", "SKU-1"));
        for (Consumer<Map<String, Object>> breakage : breakages) {
            Map<String, Object> body = order(SELLER, "SELLER_MANAGED");
            breakage.accept(body);
            as(storefront()).body(body).post("/api/v1/orders").then().statusCode(400).contentType("application/problem+json");
        }
        as(storefront()).body("{\"sellerId\": ").post("/api/v1/orders").then().statusCode(400);
        as(storefront()).body("").post("/api/v1/orders").then().statusCode(400);
        assertEquals(before, orderCount());
    }

    @Test
    void malformedActionsAre400AndChangeNothing() {
        String id = place(SELLER, "SELLER_MANAGED");
        act(SELLER, id, "start-processing", Map.of()).statusCode(200);
        long version = ((Number) as(seller(SELLER)).get("/api/v1/orders/" + id).then().extract().path("version")).longValue();
        act(SELLER, id, "add-tracking", Map.of("carrier", "royal-parcel")).statusCode(400).contentType("application/problem+json");
        act(SELLER, id, "add-tracking", Map.of("carrier", "royal-parcel", "trackingNumber", "x".repeat(65))).statusCode(400);
        act(SELLER, id, "cancel", Map.of("reason", " ")).statusCode(400);
        act(SELLER, id, "cancel", Map.of("reason", "x".repeat(1001))).statusCode(400);
        act(SELLER, id, "cancel", Map.of("reason", List.of("a"))).statusCode(400);
        act(SELLER, id, "mark-delivered", Map.of("evidence", Map.of("kind", "PIGEON", "reference", "x"))).statusCode(400);
        given().auth().oauth2(seller(SELLER)).contentType(ContentType.TEXT).body("ship it")
                .post("/api/v1/orders/" + id + "/actions/cancel").then().statusCode(415).contentType("application/problem+json");
        as(seller(SELLER)).get("/api/v1/orders/" + id).then().body("status", equalTo("PROCESSING"))
                .body("version", equalTo((int) version)).body("tracking", nullValue());
        as(seller(SELLER)).queryParam("status", "LOST").get("/api/v1/orders").then().statusCode(400);
        as(seller(SELLER)).queryParam("createdFrom", "yesterday").get("/api/v1/orders").then().statusCode(400);
        as(seller(SELLER)).queryParam("createdFrom", "+999999999-01-01T00:00:00Z").get("/api/v1/orders").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("between 1970 and 9999"));
        as(seller(SELLER)).queryParam("q", "tea\u0000").get("/api/v1/orders").then().statusCode(400).contentType("application/problem+json");
        as(seller(SELLER)).urlEncodingEnabled(false).get("/api/v1/orders/" + id + "%00").then().statusCode(400).contentType("application/problem+json");
        as(seller(SELLER)).queryParam("limit", 101).get("/api/v1/orders").then().statusCode(400);
        as(seller(SELLER)).queryParam("cursor", "!!!").get("/api/v1/orders").then().statusCode(400)
                .body("detail", containsString("cursor"));
    }

    private long orderCount() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM orders").getSingleResult()).longValue();
    }
}
