package com.kingstonexpress.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.gateway.routing.policy.Downstream;
import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.testing.Metrics;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The edge's meters on /q/metrics (management port): the gateway's own 413, 429, 503 and 504 answers by service and
 * reason, and each breaker's state, after a scripted scenario.
 */
@QuarkusTest
class GatewayMetricsTest {

    private static final String REFUSALS = "kx_gateway_refusals_total";
    private static final String SELLER = DevTokens.seller("metrics-seller");

    @Test
    void oversizedBodiesAndCallersOverTheirRateAreCountedByServiceAndStatus() {
        double tooLarge = Metrics.value(REFUSALS, "service", "support-service", "status", "413", "reason", "payload-too-large");
        given().auth().oauth2(SELLER).contentType("application/json").body("{\"d\":\"" + "x".repeat(70_000) + "\"}")
                .when().post("/api/v1/tickets").then().statusCode(413);
        assertEquals(tooLarge + 1, Metrics.value(REFUSALS, "service", "support-service", "status", "413", "reason", "payload-too-large"));

        double limited = Metrics.value(REFUSALS, "service", "order-service", "status", "429", "reason", "rate-limited");
        String hasty = DevTokens.token("hasty-" + UUID.randomUUID(), Set.of("seller"), "hasty-seller", Duration.ofHours(1));
        int refused = 0;
        for (int i = 0; i < 200 && refused < 3; i++) {
            if (given().auth().oauth2(hasty).when().get("/api/v1/orders/summary").statusCode() == 429) {
                refused++;
            }
        }
        assertEquals(3, refused, "200 requests in a burst of 60 at 5/s must be limited");
        assertEquals(limited + refused, Metrics.value(REFUSALS, "service", "order-service", "status", "429", "reason", "rate-limited"));
    }

    @Test
    void aServiceThatIsDownIsCounted503AndItsBreakerShowsOpenUntilItRecovers() {
        String scrape = Metrics.scrape();
        for (Downstream d : Downstream.values()) {
            assertEquals(1, Metrics.series(scrape, "kx_gateway_breaker_open", "service", d.serviceName(), "lane", "proxy").size(),
                    () -> Metrics.series(scrape, "kx_gateway_breaker_open").toString());
        }
        double before = Metrics.value(REFUSALS, "service", "support-service", "status", "503");
        int[] sent = { 0 };
        StubServices.stopService(Downstream.SUPPORT);
        try {
            // Each attempt is refused (unreachable, or the open breaker) and looked at at once: the breaker is open for
            // 1 s in tests, and every failed trial opens it again.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                given().auth().oauth2(SELLER).when().get("/api/v1/tickets").then().statusCode(503);
                sent[0]++;
                assertEquals(1, Metrics.value("kx_gateway_breaker_open", "service", "support-service", "lane", "proxy"));
            });
            assertEquals(before + sent[0], Metrics.value(REFUSALS, "service", "support-service", "status", "503"));
            assertTrue(Metrics.value(REFUSALS, "service", "support-service", "status", "503", "reason", "service-unavailable") > 0);
        } finally {
            StubServices.startService(Downstream.SUPPORT);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            given().auth().oauth2(SELLER).when().get("/api/v1/tickets").then().statusCode(200);
            assertEquals(0, Metrics.value("kx_gateway_breaker_open", "service", "support-service", "lane", "proxy"));
        });
        System.out.printf("support-service down: %d requests refused with 503%n", sent[0]);
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsCounted504() {
        double before = Metrics.value(REFUSALS, "service", "order-service", "status", "504", "reason", "service-timeout");
        StubServices.failPath("/api/v1/orders/o-metrics-hangs", StubServices.NEVER_ANSWER);
        try {
            given().auth().oauth2(SELLER).when().get("/api/v1/orders/o-metrics-hangs").then().statusCode(504);
        } finally {
            StubServices.answerNormally("/api/v1/orders/o-metrics-hangs");
        }
        String scrape = Metrics.scrape();
        assertEquals(before + 1, Metrics.valueIn(scrape, REFUSALS, "service", "order-service", "status", "504", "reason", "service-timeout"));
        // The HTTP metrics name the resource, never one order's path.
        assertTrue(Metrics.series(scrape, "http_server_requests_seconds_count", "uri", "/api/v1/orders/o-metrics-hangs").isEmpty());
        assertTrue(Metrics.valueIn(scrape, "http_server_requests_seconds_count", "uri", "/api/v1/orders/*", "status", "504") >= 1,
                () -> Metrics.series(scrape, "http_server_requests_seconds_count").toString());
    }
}
