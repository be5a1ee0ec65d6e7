package com.kingstonexpress.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.gateway.routing.policy.Downstream;
import com.kingstonexpress.platform.infra.DevTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A service configured with two instances (notification-service's stubs, {@link StubServices}): requests go to
 * both in turn, and while one is down (its port refuses connections) every request is answered by the other.
 */
@QuarkusTest
class ServiceInstancesTest {

    private static final String SELLER = DevTokens.seller("instances-seller");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void requestsAreSharedByTheInstancesAndTheSurvivorTakesThemAllWhenOneIsDown() {
        assertEquals(Map.of("first", 5, "second", 5), answeredBy(10), "round-robin over both instances");

        StubServices.stopService(Downstream.NOTIFICATION);
        try {
            // More requests than the breaker's threshold (3 in tests): a refused instance is skipped, not counted.
            assertEquals(Map.of("second", 12), answeredBy(12), "the first instance refuses connections; nothing fails");
        } finally {
            StubServices.startService(Downstream.NOTIFICATION);
        }
        StubServices.stopReplica();
        try {
            assertEquals(Map.of("first", 12), answeredBy(12), "the second instance refuses connections; nothing fails");
        } finally {
            StubServices.startReplica();
        }
        assertEquals(Map.of("first", 5, "second", 5), answeredBy(10), "both again");
    }

    @Test
    void aServiceWhoseEveryInstanceIsDownIs503() {
        StubServices.stopService(Downstream.NOTIFICATION);
        StubServices.stopReplica();
        try {
            given().auth().oauth2(SELLER).when().get("/api/v1/notification-subscriptions")
                    .then().statusCode(503).body("service", org.hamcrest.Matchers.equalTo("notification-service"));
        } finally {
            StubServices.startService(Downstream.NOTIFICATION);
            StubServices.startReplica();
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(SELLER)
                .when().get("/api/v1/notification-subscriptions").then().statusCode(200));
    }

    /** How many of {@code n} consecutive requests (all must succeed) each instance answered. */
    private static Map<String, Integer> answeredBy(int n) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String instance = given().auth().oauth2(SELLER).when().get("/api/v1/notification-subscriptions")
                    .then().statusCode(200).header("X-Stub-Service", "notification-service")
                    .extract().header("X-Stub-Instance");
            counts.merge(instance, 1, Integer::sum);
        }
        return counts;
    }
}
