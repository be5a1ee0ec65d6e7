package com.kingstonexpress.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.gateway.routing.policy.Downstream;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest {

    private static final String DOWNSTREAMS = "/q/health/group/downstreams";

    /** A service down shows in the downstreams group; the gateway itself stays ready and live (its other routes work). */
    @Test
    void theDownstreamsGroupFollowsTheServicesAndTheGatewaysOwnProbesDoNot() {
        given().when().get(DOWNSTREAMS).then().statusCode(200)
                .body("checks.find { it.name == 'downstream services' }.data.'order-service'", equalTo("UP"));
        StubServices.stopService(Downstream.FULFILLMENT);
        try {
            // The check is reused for kx.gateway.health.cache-ttl (1 s): the next check after that sees it.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                    given().when().get(DOWNSTREAMS).then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'downstream services' }.data.'fulfillment-service'", equalTo("DOWN"))
                    .body("checks.find { it.name == 'downstream services' }.data.'support-service'", equalTo("UP")));
            given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            StubServices.startService(Downstream.FULFILLMENT);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> given().when().get(DOWNSTREAMS).then().statusCode(200).body("status", equalTo("UP")));
    }
}
