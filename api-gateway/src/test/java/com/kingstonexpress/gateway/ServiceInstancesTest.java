package com.kingstonexpress.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

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

    /**
     * An instance that closes a request's connection without answering (stopping, with connections kept alive in the
     * gateway's pool): a GET goes once more, to the other instance, and succeeds; a POST is never sent twice.
     */
    @Test
    void aConnectionClosedBeforeTheAnswerIsResentForSafeMethodsOnly() {
        StubServices.replicaDropsConnections(true);
        try {
            assertEquals(Map.of("first", 6), answeredBy(6), "every GET the second instance dropped went to the first");

            int dropped = 0;
            for (int i = 0; i < 2; i++) {
                String body = "{\"probe\":\"" + UUID.randomUUID() + "\"}";
                int status = given().auth().oauth2(SELLER).contentType("application/json").body(body)
                        .when().post("/api/v1/notification-subscriptions").then().extract().statusCode();
                long received = StubServices.received().stream().filter(r -> r.body().equals(body)).count();
                assertEquals(1, received, "a POST reached the services once, answered " + status);
                if (status == 503) {
                    dropped++;
                }
            }
            // The instances take requests in turn: one of the two POSTs went to the instance that drops them.
            assertEquals(1, dropped, "a dropped POST is answered 503, not sent again");
        } finally {
            StubServices.replicaDropsConnections(false);
        }
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
