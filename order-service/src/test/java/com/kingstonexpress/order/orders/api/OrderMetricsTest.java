package com.kingstonexpress.order.orders.api;

import static com.kingstonexpress.order.Fixtures.act;
import static com.kingstonexpress.order.Fixtures.place;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.testing.Metrics;

import io.quarkus.test.junit.QuarkusTest;

/**
 * order-service's meters on /q/metrics (management port) after a scripted scenario: orders placed, a seller's
 * action refused by a rule (counted by rule id), and the outbox that announced the orders drained.
 */
@QuarkusTest
class OrderMetricsTest {

    private static final String SELLER = "metrics-seller";
    private static final String REFUSALS = "kx_guard_refusals_total";

    @Test
    void refusalsAreCountedByRuleAndPlacedOrdersLeaveThroughTheOutbox() {
        double published = Metrics.value("kx_outbox_published_total");
        double addressRefusals = Metrics.value(REFUSALS, "rule", "SM_ADDRESS_NOT_CONFIRMED");
        double stepRefusals = Metrics.value(REFUSALS, "rule", "SM_STEP_ORDER");

        String first = place(SELLER, "SELLER_MANAGED");
        place(SELLER, "SELLER_MANAGED");
        act(SELLER, first, "start-processing", Map.of()).statusCode(200);
        act(SELLER, first, "mark-shipped", Map.of("carrier", "royal-parcel", "trackingNumber", "RP-M1")).statusCode(409);
        act(SELLER, first, "mark-shipped", Map.of("carrier", "royal-parcel", "trackingNumber", "RP-M1")).statusCode(409);
        act(SELLER, first, "start-processing", Map.of()).statusCode(409);

        String scrape = Metrics.scrape();
        assertEquals(addressRefusals + 2, Metrics.valueIn(scrape, REFUSALS, "rule", "SM_ADDRESS_NOT_CONFIRMED"),
                () -> Metrics.series(scrape, REFUSALS).toString());
        assertEquals(stepRefusals + 1, Metrics.valueIn(scrape, REFUSALS, "rule", "SM_STEP_ORDER"));
        assertTrue(Metrics.valueIn(scrape, "http_server_requests_seconds_count", "uri", "/api/v1/orders", "method", "POST",
                "status", "201") >= 2, () -> Metrics.series(scrape, "http_server_requests_seconds_count", "method", "POST").toString());
        // Two order.placed events published by the relay; the backlog drains (the gauges refresh every few seconds).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String now = Metrics.scrape();
            assertTrue(Metrics.valueIn(now, "kx_outbox_published_total") >= published + 2);
            assertEquals(0, Metrics.valueIn(now, "kx_outbox_unsent"));
        });
    }
}
