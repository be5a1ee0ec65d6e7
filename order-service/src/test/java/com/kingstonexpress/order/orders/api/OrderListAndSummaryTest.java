package com.kingstonexpress.order.orders.api;

import static com.kingstonexpress.order.Fixtures.act;
import static com.kingstonexpress.order.Fixtures.as;
import static com.kingstonexpress.order.Fixtures.order;
import static com.kingstonexpress.order.Fixtures.place;
import static com.kingstonexpress.order.Fixtures.seller;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The seller's order list (filters, cursor pagination, own orders only) and the dashboard summary. */
@QuarkusTest
class OrderListAndSummaryTest {

    @Test
    void filtersAndCursorPagination() {
        String sellerId = "list-seller-" + UUID.randomUUID();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = order(sellerId, i < 3 ? "SELLER_MANAGED" : "KINGSTON_DISPATCHED");
            if (i == 1) {
                body.put("customerName", "Grace Hopper");
                body.put("lines", List.of(Map.of("sku", "COBOL-42", "title", "Compiler manual", "quantity", 1,
                        "unitPrice", Map.of("amount", 30, "currency", "GBP"))));
            }
            placed.add(place(body));
        }
        act(sellerId, placed.get(0), "start-processing", Map.of()).statusCode(200);
        List<String> newestFirst = new ArrayList<>(placed);
        Collections.reverse(newestFirst);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(seller(sellerId)).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = JsonPath.from(request.get("/api/v1/orders").then().statusCode(200).extract().asString());
            paged.addAll(page.getList("items.orderId"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(newestFirst, paged);
        assertEquals(3, pages);

        as(seller(sellerId)).queryParam("type", "KINGSTON_DISPATCHED").get("/api/v1/orders").then()
                .body("items.orderId", contains(placed.get(4), placed.get(3)));
        as(seller(sellerId)).queryParam("status", "PROCESSING").get("/api/v1/orders").then()
                .body("items.orderId", contains(placed.get(0)));
        as(seller(sellerId)).queryParam("status", "NEW").queryParam("type", "SELLER_MANAGED").get("/api/v1/orders").then()
                .body("items.orderId", contains(placed.get(2), placed.get(1)));
        for (String q : List.of("grace", "HOPPER", "cobol-4", "compiler man", placed.get(1).substring(0, 13))) {
            as(seller(sellerId)).queryParam("q", q).get("/api/v1/orders").then().body("items.orderId", contains(placed.get(1)));
        }
        as(seller(sellerId)).queryParam("q", "50%_off").get("/api/v1/orders").then().body("items", hasSize(0));
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        as(seller(sellerId)).queryParam("createdFrom", tomorrow).get("/api/v1/orders").then().body("items", hasSize(0));
        as(seller(sellerId)).queryParam("createdTo", tomorrow).queryParam("createdFrom", "2020-01-01").get("/api/v1/orders").then()
                .body("items", hasSize(5)).body("nextCursor", nullValue());
        as(seller(sellerId)).queryParam("attention", "CUSTOMS_HOLD").get("/api/v1/orders").then().body("items", hasSize(0));
    }

    @Test
    void summaryCountsByStatusTypeAndAttention() {
        String sellerId = "summary-seller-" + UUID.randomUUID();
        place(sellerId, "SELLER_MANAGED");
        String processing = place(sellerId, "SELLER_MANAGED");
        act(sellerId, processing, "start-processing", Map.of()).statusCode(200);
        place(sellerId, "KINGSTON_DISPATCHED");
        Map<String, Object> noPostcode = order(sellerId, "KINGSTON_DISPATCHED");
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) noPostcode.get("deliveryAddress");
        address.remove("postalCode");
        place(noPostcode);

        as(seller(sellerId)).get("/api/v1/orders/summary").then().statusCode(200)
                .body("total", equalTo(4))
                .body("byStatus.NEW", equalTo(3)).body("byStatus.PROCESSING", equalTo(1)).body("byStatus.DELIVERED", equalTo(0))
                .body("byType.SELLER_MANAGED", equalTo(2)).body("byType.KINGSTON_DISPATCHED", equalTo(2))
                .body("attention.ADDRESS_ISSUE", equalTo(1)).body("attention.CUSTOMS_HOLD", equalTo(0))
                .body("needingAttention", equalTo(1));
        as(seller("nobody-" + UUID.randomUUID())).get("/api/v1/orders/summary").then().body("total", equalTo(0));
    }
}
