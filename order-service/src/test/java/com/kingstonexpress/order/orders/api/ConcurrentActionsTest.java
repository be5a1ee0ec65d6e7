package com.kingstonexpress.order.orders.api;

import static com.kingstonexpress.order.Fixtures.act;
import static com.kingstonexpress.order.Fixtures.as;
import static com.kingstonexpress.order.Fixtures.order;
import static com.kingstonexpress.order.Fixtures.place;
import static com.kingstonexpress.order.Fixtures.seller;
import static com.kingstonexpress.order.Fixtures.storefront;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Conflicting commands on one order: exactly one wins, the others get 409, history records one change. Checkouts
 * retried in parallel with one Idempotency-Key: one order, every caller gets its answer.
 */
@QuarkusTest
class ConcurrentActionsTest {

    private static final String SELLER = "concurrent-seller";
    private static final int CALLERS = 8;

    @Test
    void parallelMarkShippedSucceedsExactlyOnce() throws Exception {
        String id = place(SELLER, "SELLER_MANAGED");
        act(SELLER, id, "start-processing", Map.of()).statusCode(200);
        act(SELLER, id, "confirm-address", Map.of()).statusCode(200);

        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            int n = i;
            Callable<Integer> call = () -> {
                start.await();
                return as(seller(SELLER)).body(Map.of("carrier", "royal-parcel", "trackingNumber", "RP-PAR-" + n))
                        .post("/api/v1/orders/" + id + "/actions/mark-shipped").then().extract().statusCode();
            };
            calls.add(pool.submit(call));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : calls) {
            statuses.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(CALLERS - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        List<String> to = as(seller(SELLER)).get("/api/v1/orders/" + id + "/history").then().extract().path("items.to");
        assertEquals(1, to.stream().filter("SHIPPED"::equals).count(), to.toString());
    }

    @Test
    void parallelCheckoutsWithOneIdempotencyKeyPlaceOneOrderAndAllGetItsAnswer() throws Exception {
        String seller = "concurrent-checkout-" + System.nanoTime();
        Map<String, Object> body = order(seller, "SELLER_MANAGED");
        String key = "checkout-" + System.nanoTime();

        ExecutorService pool = Executors.newFixedThreadPool(CALLERS * 2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS * 2; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return as(storefront()).header("Idempotency-Key", key).body(body).post("/api/v1/orders").then()
                        .statusCode(201).extract().header("Location");
            }));
        }
        start.countDown();
        List<String> locations = new ArrayList<>();
        for (Future<String> f : calls) {
            locations.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertEquals(1, locations.stream().distinct().count(), locations.toString());
        List<String> placed = as(seller(seller)).get("/api/v1/orders").then().statusCode(200).extract().path("items.orderId");
        assertEquals(List.of(locations.get(0).substring("/api/v1/orders/".length())), placed);
    }
}
