package com.kingstonexpress.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.kingstonexpress.gateway.routing.policy.Downstream;
import com.kingstonexpress.platform.infra.DevTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Every public path of docs/design/API.md reaches its service, with the caller's headers and nothing it may not send. */
@QuarkusTest
class RoutingTest {

    private static final String SELLER = DevTokens.seller("routing-seller");
    private static final String AGENT = DevTokens.supportAgent("routing-agent");
    private static final String OPERATIONS = DevTokens.operations("routing-ops");
    private static final String STOREFRONT = DevTokens.token("routing-storefront", java.util.Set.of("storefront"), null,
            java.time.Duration.ofHours(1));

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL gateway;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static Stream<Arguments> publicPaths() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/orders", STOREFRONT, Downstream.ORDER),
                Arguments.of("GET", "/api/v1/orders?status=NEW&limit=5", SELLER, Downstream.ORDER),
                Arguments.of("GET", "/api/v1/orders/summary", SELLER, Downstream.ORDER),
                Arguments.of("GET", "/api/v1/orders/o-1", AGENT, Downstream.ORDER),
                Arguments.of("GET", "/api/v1/orders/o-1/history", SELLER, Downstream.ORDER),
                Arguments.of("GET", "/api/v1/orders/o-1/actions", SELLER, Downstream.ORDER),
                Arguments.of("POST", "/api/v1/orders/o-1/actions/mark-shipped", SELLER, Downstream.ORDER),
                Arguments.of("POST", "/api/v1/orders/o-1/customer-confirmations", STOREFRONT, Downstream.ORDER),
                Arguments.of("POST", "/api/v1/support/orders/o-1/status-corrections", AGENT, Downstream.ORDER),
                Arguments.of("GET", "/api/v1/orders/o-1/tracking", SELLER, Downstream.FULFILLMENT),
                Arguments.of("POST", "/api/v1/platform/incidents", OPERATIONS, Downstream.FULFILLMENT),
                Arguments.of("POST", "/api/v1/platform/incidents/i-1/resolution", OPERATIONS, Downstream.FULFILLMENT),
                Arguments.of("GET", "/api/v1/platform/incidents", STOREFRONT, Downstream.FULFILLMENT),
                Arguments.of("POST", "/api/v1/customer-messages", STOREFRONT, Downstream.MESSAGING),
                Arguments.of("GET", "/api/v1/conversations?awaitingReply=true", SELLER, Downstream.MESSAGING),
                Arguments.of("GET", "/api/v1/conversations/c-1", SELLER, Downstream.MESSAGING),
                Arguments.of("POST", "/api/v1/conversations/c-1/reply-check", SELLER, Downstream.MESSAGING),
                Arguments.of("POST", "/api/v1/conversations/c-1/messages", SELLER, Downstream.MESSAGING),
                Arguments.of("GET", "/api/v1/messaging/response-times", SELLER, Downstream.MESSAGING),
                Arguments.of("POST", "/api/v1/tickets/preflight", SELLER, Downstream.SUPPORT),
                Arguments.of("POST", "/api/v1/tickets", SELLER, Downstream.SUPPORT),
                Arguments.of("GET", "/api/v1/tickets?status=OPEN", AGENT, Downstream.SUPPORT),
                Arguments.of("GET", "/api/v1/tickets/t-1", SELLER, Downstream.SUPPORT),
                Arguments.of("POST", "/api/v1/tickets/t-1/comments", AGENT, Downstream.SUPPORT),
                Arguments.of("POST", "/api/v1/tickets/t-1/assignment", AGENT, Downstream.SUPPORT),
                Arguments.of("POST", "/api/v1/tickets/t-1/status", SELLER, Downstream.SUPPORT),
                Arguments.of("GET", "/api/v1/orders/export?format=csv", SELLER, Downstream.ORDER),
                Arguments.of("POST", "/api/v1/notification-subscriptions", SELLER, Downstream.NOTIFICATION),
                Arguments.of("GET", "/api/v1/notification-subscriptions/s-1/deliveries?status=FAILED", SELLER, Downstream.NOTIFICATION),
                Arguments.of("POST", "/api/v1/notification-subscriptions/s-1/deliveries/d-1/replay", SELLER, Downstream.NOTIFICATION),
                Arguments.of("DELETE", "/api/v1/notification-subscriptions/s-1", SELLER, Downstream.NOTIFICATION),
                Arguments.of("GET", "/api/v1/notifications/stream", SELLER, Downstream.NOTIFICATION));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("publicPaths")
    void everyPublicPathReachesItsService(String method, String uri, String token, Downstream service) {
        var request = given().auth().oauth2(token).contentType("application/json");
        if (method.equals("POST")) {
            request = request.body("{\"probe\":\"" + uri + "\"}");
        }
        request.when().request(method, uri)
                .then().statusCode(method.equals("POST") && uri.equals("/api/v1/orders") ? 201 : 200)
                .header("X-Stub-Service", service.serviceName())
                .body("path", equalTo(uri.split("\\?")[0]))
                .header("X-Request-Id", notNullValue());
        StubServices.Received received = StubServices.lastTo(uri);
        assertEquals(service, received.service());
        assertEquals(method, received.method());
        if (method.equals("POST")) {
            assertEquals("{\"probe\":\"" + uri + "\"}", received.body());
        }
    }

    @Test
    void forwardsTheCallersHeadersWithTheGatewaysRequestId() {
        String signature = "t=1,v1=abc";
        given().auth().oauth2(SELLER)
                .header("X-Request-Id", "req-forward-1")
                .header("Idempotency-Key", "idem-1")
                .header("If-Match", "\"7\"")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .header("X-KX-Signature", signature)
                .contentType("application/json")
                .body("{\"carrier\":\"royal-parcel\",\"trackingNumber\":\"RP1\"}")
                .when().post("/api/v1/orders/o-9/actions/add-tracking")
                .then().statusCode(200)
                .header("X-Client-Request-Id", "req-forward-1");
        var headers = StubServices.lastTo("/api/v1/orders/o-9/actions/add-tracking").headers();
        assertEquals("Bearer " + SELLER, headers.get("Authorization"));
        // The gateway names the request itself (review L10); the caller's id travels separately.
        assertEquals("req-forward-1", headers.get("X-Client-Request-Id"));
        org.junit.jupiter.api.Assertions.assertNotEquals("req-forward-1", headers.get("X-Request-Id"));
        assertEquals("idem-1", headers.get("Idempotency-Key"));
        assertEquals("\"7\"", headers.get("If-Match"));
        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", headers.get("traceparent"));
        assertEquals(signature, headers.get("X-KX-Signature"));
        assertEquals("application/json", headers.get("Content-Type"));
    }

    @Test
    void generatesARequestIdWhenTheCallerSendsNone() {
        String echoed = given().auth().oauth2(SELLER).when().get("/api/v1/orders/o-10")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertEquals(echoed, StubServices.lastTo("/api/v1/orders/o-10").headers().get("X-Request-Id"));
    }

    @Test
    void stripsClientSentIdentityAndHopByHopHeaders() {
        given().auth().oauth2(SELLER)
                .header("X-KX-Seller-Id", "somebody-else")
                .header("X-KX-Internal-Caller", "order-service")
                .header("X-Forwarded-User", "admin")
                .header("X-Forwarded-For", "10.0.0.66")
                .header("Forwarded", "for=10.0.0.66")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .header("Connection", "keep-alive, X-Secret-Hop")
                .header("X-Secret-Hop", "hop")
                .header("Accept-Language", "en-GB")
                .when().get("/api/v1/orders/o-11")
                .then().statusCode(200)
                // hop-by-hop headers of the service's answer stay between the gateway and the service
                .header("Keep-Alive", (String) null);
        var headers = StubServices.lastTo("/api/v1/orders/o-11").headers();
        assertNull(headers.get("X-KX-Seller-Id"));
        assertNull(headers.get("X-KX-Internal-Caller"));
        assertNull(headers.get("X-Forwarded-User"));
        assertNull(headers.get("Forwarded"));
        assertNull(headers.get("Proxy-Authorization"));
        assertNull(headers.get("X-Secret-Hop"));
        assertEquals("127.0.0.1", headers.get("X-Forwarded-For"));
        assertEquals("en-GB", headers.get("Accept-Language"));
    }

    @Test
    void passesQueryStringsAndRewritesTheServicesLocationToTheGateway() {
        given().auth().oauth2(STOREFRONT).header("Idempotency-Key", "idem-create-1").contentType("application/json")
                .body("{}")
                .when().post("/api/v1/orders")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/orders/order-1"))
                .header("Location", org.hamcrest.Matchers.not(org.hamcrest.Matchers.startsWith(StubServices.url(Downstream.ORDER))));
        given().urlEncodingEnabled(false).auth().oauth2(SELLER).when().get("/api/v1/orders?status=NEW&type=SELLER_MANAGED&q=a%20b")
                .then().statusCode(200);
        assertEquals("/api/v1/orders?status=NEW&type=SELLER_MANAGED&q=a%20b",
                StubServices.lastTo("/api/v1/orders?status=NEW&type=SELLER_MANAGED").uri());
    }

    @Test
    void answersExpectContinueSoLargeUploadsAreNotDelayed() throws Exception {
        String body = "{\"description\":\"" + "x".repeat(4000) + "\"}";
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway + "api/v1/tickets"))
                .header("Authorization", "Bearer " + SELLER).header("Content-Type", "application/json")
                .expectContinue(true)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .timeout(java.time.Duration.ofSeconds(10)).build();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        StubServices.Received received = StubServices.lastTo("/api/v1/tickets");
        assertEquals(body, received.body());
        assertNull(received.headers().get("Expect"));
    }

    @Test
    void anUnknownApiPathIsAProblemNot500() {
        given().auth().oauth2(SELLER).when().get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
