package com.kingstonexpress.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.kingstonexpress.platform.infra.DevTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Identity at the edge: refused requests never reach a service, and every refusal is problem+json. */
@QuarkusTest
class EdgeSecurityTest {

    private static final String SELLER = DevTokens.seller("edge-seller");
    private static final String AGENT = DevTokens.supportAgent("edge-agent");
    private static final String STOREFRONT = DevTokens.token("edge-storefront", Set.of("storefront"), null, Duration.ofHours(1));
    /** Same claims, signed by a key the gateway does not trust. */
    private static final String FORGED = forgedSellerToken();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @ParameterizedTest(name = "{0} {1} without a token")
    @MethodSource("protectedPaths")
    void noTokenIs401(String method, String path) {
        int before = StubServices.received().size();
        given().when().request(method, path)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401)).body("requestId", notNullValue()).body("instance", equalTo(path));
        assertNothingProxied(before);
    }

    static Stream<Arguments> protectedPaths() {
        return Stream.of(
                Arguments.of("GET", "/api/v1/orders"),
                Arguments.of("POST", "/api/v1/orders"),
                Arguments.of("GET", "/api/v1/orders/o-1/tracking"),
                Arguments.of("POST", "/api/v1/support/orders/o-1/status-corrections"),
                Arguments.of("GET", "/api/v1/platform/incidents"),
                Arguments.of("POST", "/api/v1/customer-messages"),
                Arguments.of("GET", "/api/v1/conversations"),
                Arguments.of("GET", "/api/v1/messaging/response-times"),
                Arguments.of("GET", "/api/v1/tickets"),
                Arguments.of("GET", "/api/v1/dashboard"));
    }

    @Test
    void expiredAndForgedTokensAre401() {
        String expired = DevTokens.token("edge-seller-expired", Set.of("seller"), "edge-seller", Duration.ofMinutes(-10));
        int before = StubServices.received().size();
        for (String token : new String[] { expired, FORGED, "not-a-jwt" }) {
            given().auth().oauth2(token).when().get("/api/v1/orders")
                    .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
            given().auth().oauth2(token).when().get("/api/v1/dashboard")
                    .then().statusCode(401).contentType("application/problem+json");
        }
        given().header("Authorization", "Basic Zm9vOmJhcg==").when().get("/api/v1/orders").then().statusCode(401);
        assertNothingProxied(before);
    }

    @ParameterizedTest(name = "{0} {1} with the wrong role")
    @MethodSource("wrongRoles")
    void wrongRoleIs403(String method, String path, String token) {
        int before = StubServices.received().size();
        given().auth().oauth2(token).contentType("application/json").body("{}")
                .when().request(method, path)
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        assertNothingProxied(before);
    }

    static Stream<Arguments> wrongRoles() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/orders", SELLER),
                Arguments.of("GET", "/api/v1/orders", STOREFRONT),
                Arguments.of("GET", "/api/v1/orders/summary", AGENT),
                Arguments.of("POST", "/api/v1/orders/o-1/actions/cancel", AGENT),
                Arguments.of("POST", "/api/v1/orders/o-1/customer-confirmations", SELLER),
                Arguments.of("POST", "/api/v1/support/orders/o-1/status-corrections", SELLER),
                Arguments.of("POST", "/api/v1/platform/incidents", SELLER),
                Arguments.of("POST", "/api/v1/platform/incidents/i-1/resolution", AGENT),
                Arguments.of("POST", "/api/v1/customer-messages", SELLER),
                Arguments.of("GET", "/api/v1/conversations", AGENT),
                Arguments.of("POST", "/api/v1/tickets", AGENT),
                Arguments.of("POST", "/api/v1/tickets/t-1/assignment", SELLER),
                Arguments.of("GET", "/api/v1/tickets", STOREFRONT),
                Arguments.of("GET", "/api/v1/dashboard", AGENT));
    }

    @Test
    void webhooksNeedNoTokenButASignatureHeaderAndPassThroughUntouched() {
        String body = "{\"events\":[{\"eventId\":\"e-1\",\"orderId\":\"o-1\",\"type\":\"PICKED\"}]}";
        given().header("X-KX-Signature", "t=1700000000,v1=00ff").contentType("application/json").body(body)
                .when().post("/api/v1/fulfillment-centers/center-london-1/events")
                .then().statusCode(200).header("X-Stub-Service", "fulfillment-service");
        StubServices.Received received = StubServices.lastTo("/api/v1/fulfillment-centers/center-london-1/events");
        assertTrue(body.equals(received.body()), "the signed bytes arrive unchanged");

        given().header("X-KX-Signature", "t=1700000000,v1=00ff").contentType("application/json").body("{\"events\":[]}")
                .when().post("/api/v1/carriers/royal-parcel/tracking-events")
                .then().statusCode(200).header("X-Stub-Service", "fulfillment-service");

        int before = StubServices.received().size();
        given().contentType("application/json").body(body)
                .when().post("/api/v1/fulfillment-centers/center-london-1/events")
                .then().statusCode(401).contentType("application/problem+json");
        assertNothingProxied(before);
    }

    private static void assertNothingProxied(int before) {
        assertTrue(StubServices.received().size() == before, "the request must not reach any service");
    }

    private static String forgedSellerToken() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return io.smallrye.jwt.build.Jwt.issuer(DevTokens.ISSUER).subject("seller-user-edge-seller").groups(Set.of("seller"))
                    .claim("seller_id", "edge-seller").expiresIn(3600)
                    .jws().keyId("kx-dev").sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
