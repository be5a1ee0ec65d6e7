package com.kingstonexpress.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.gateway.routing.policy.Downstream;
import com.kingstonexpress.platform.infra.DevTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** A service that is down is a quick 503 naming it; once its breaker opens, callers do not even wait for a refusal. */
@QuarkusTest
class ServiceDownTest {

    private static final String SELLER = DevTokens.seller("down-seller");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aServiceThatIsDownIs503ProblemNamingItAndRecovers() {
        StubServices.stopService(Downstream.SUPPORT);
        try {
            boolean toldWhenToRetry = false;
            for (int attempt = 0; attempt < 5; attempt++) {
                toldWhenToRetry |= given().auth().oauth2(SELLER).contentType("application/json").body("{\"orderId\":\"o-1\"}")
                        .when().post("/api/v1/tickets")
                        .then().statusCode(503)
                        .contentType("application/problem+json")
                        .body("status", equalTo(503))
                        .body("service", equalTo("support-service"))
                        .body("requestId", notNullValue())
                        .time(org.hamcrest.Matchers.lessThan(5_000L))
                        .extract().header("Retry-After") != null;
            }
            // After three failures the breaker is open: the answer says when to try again. (Asserted on the
            // attempts rather than on one more request: on a loaded machine the 1 s open period may be over.)
            org.junit.jupiter.api.Assertions.assertTrue(toldWhenToRetry, "an open breaker answers with Retry-After");
            given().auth().oauth2(SELLER).when().get("/api/v1/tickets")
                    .then().statusCode(503).body("service", equalTo("support-service"));
            // Other services are not affected.
            given().auth().oauth2(SELLER).when().get("/api/v1/orders").then().statusCode(200);
        } finally {
            StubServices.startService(Downstream.SUPPORT);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(SELLER)
                .when().get("/api/v1/tickets").then().statusCode(200).header("X-Stub-Service", "support-service"));
    }

    @Test
    void aServiceThatDoesNotAnswerIs504WithinItsTimeout() {
        StubServices.failPath("/api/v1/orders/o-hangs", StubServices.NEVER_ANSWER);
        try {
            given().auth().oauth2(SELLER).when().get("/api/v1/orders/o-hangs")
                    .then().statusCode(504)
                    .contentType("application/problem+json")
                    .body("service", equalTo("order-service"))
                    // the test profile gives order-service 3 seconds
                    .time(org.hamcrest.Matchers.lessThan(6_000L));
        } finally {
            StubServices.answerNormally("/api/v1/orders/o-hangs");
        }
    }
}
