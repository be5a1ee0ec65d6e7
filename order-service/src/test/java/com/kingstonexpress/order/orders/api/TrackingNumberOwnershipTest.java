package com.kingstonexpress.order.orders.api;

import static com.kingstonexpress.order.Fixtures.act;
import static com.kingstonexpress.order.Fixtures.place;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A tracking number follows one parcel. A seller who attaches a number another open order already uses would make
 * the carrier's scans ambiguous for that order, or borrow its delivery: refused, without saying whose order it is.
 */
@QuarkusTest
class TrackingNumberOwnershipTest {

    @Test
    void aTrackingNumberInUseByAnotherOpenOrderIsRefusedWithoutNamingIt() {
        String number = "RP-" + UUID.randomUUID();
        String victim = processing("victim-seller");
        act("victim-seller", victim, "add-tracking", tracking("royal-parcel", number)).statusCode(200);

        String attacker = processing("attacker-seller");
        act("attacker-seller", attacker, "add-tracking", tracking("Royal-Parcel", number)).statusCode(409)
                .body("ruleId", equalTo("TRACKING_NUMBER_IN_USE"))
                .body(not(containsString(victim)));
        act("attacker-seller", attacker, "confirm-address", Map.of()).statusCode(200);
        act("attacker-seller", attacker, "mark-shipped", tracking("royal-parcel", number)).statusCode(409)
                .body("ruleId", equalTo("TRACKING_NUMBER_IN_USE"));

        // Another carrier's number space, and the order's own number again, are fine.
        act("attacker-seller", attacker, "add-tracking", tracking("parcel-express", number)).statusCode(200);
        act("victim-seller", victim, "add-tracking", tracking("royal-parcel", number)).statusCode(200);
    }

    @Test
    void aNumberIsFreeAgainOnceItsOrderIsCancelled() {
        String number = "RP-" + UUID.randomUUID();
        String first = processing("first-seller");
        act("first-seller", first, "add-tracking", tracking("royal-parcel", number)).statusCode(200);
        act("first-seller", first, "cancel", Map.of("reason", "customer changed their mind")).statusCode(200);

        String second = processing("second-seller");
        act("second-seller", second, "add-tracking", tracking("royal-parcel", number)).statusCode(200);
    }

    @Test
    void ofTwoOrdersClaimingOneNumberAtOnceExactlyOneGetsIt() throws Exception {
        int claimants = 8;
        String number = "RP-" + UUID.randomUUID();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < claimants; i++) {
            orders.add(processing("racing-seller-" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(claimants);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < claimants; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return act("racing-seller-" + n, orders.get(n), "add-tracking", tracking("royal-parcel", number))
                            .extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(claimants - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String processing(String sellerId) {
        String id = place(sellerId, "SELLER_MANAGED");
        act(sellerId, id, "start-processing", Map.of()).statusCode(200);
        return id;
    }

    private static Map<String, String> tracking(String carrier, String number) {
        return Map.of("carrier", carrier, "trackingNumber", number);
    }
}
