package com.kingstonexpress.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kingstonexpress.platform.infra.DevTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * What the gateway says and sends on its own authority (review L2, L3, L10, L12): the downstream framing
 * is its own, {@code Location} never comes from the client's {@code Host}, it names each request itself,
 * and a method and path no edge rule names is refused.
 */
@QuarkusTest
class EdgeProtocolTest {

    private static final String SELLER = DevTokens.seller("protocol-seller");
    private static final String STOREFRONT = DevTokens.token("protocol-storefront", Set.of("storefront"), null, Duration.ofHours(1));

    @TestHTTPResource("/")
    URL gateway;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aClientsConnectionHeaderCannotStripTheFramingOrTheToken() throws Exception {
        String body = "{\"orderId\":\"o-framing\",\"description\":\"kept\"}";
        RawHttp.Response answer = raw(RawHttp.head("POST /api/v1/tickets?framing=connection HTTP/1.1", "Host: localhost",
                "Authorization: Bearer " + SELLER, "Content-Type: application/json", "Content-Length: " + body.length(),
                "Connection: content-length, authorization, transfer-encoding, host, close") + body);
        assertEquals(200, answer.status(), answer.body());
        StubServices.Received received = StubServices.lastTo("/api/v1/tickets?framing=connection");
        assertEquals(body, received.body());
        assertEquals("Bearer " + SELLER, received.headers().get("Authorization"));
        assertEquals(Integer.toString(body.length()), received.headers().get("Content-Length"));
    }

    @Test
    void aChunkedBodyArrivesWholeWithAnExplicitLength() throws Exception {
        String part1 = "{\"orderId\":\"o-chunked\",";
        String part2 = "\"description\":\"in two chunks\"}";
        RawHttp.Response answer = raw(RawHttp.head("POST /api/v1/tickets?framing=chunked HTTP/1.1", "Host: localhost",
                "Authorization: Bearer " + SELLER, "Content-Type: application/json", "Transfer-Encoding: chunked",
                "Connection: close")
                + Integer.toHexString(part1.length()) + "\r\n" + part1 + "\r\n"
                + Integer.toHexString(part2.length()) + "\r\n" + part2 + "\r\n0\r\n\r\n");
        assertEquals(200, answer.status(), answer.body());
        StubServices.Received received = StubServices.lastTo("/api/v1/tickets?framing=chunked");
        assertEquals(part1 + part2, received.body());
        assertEquals(Integer.toString((part1 + part2).length()), received.headers().get("Content-Length"));
        assertNull(received.headers().get("Transfer-Encoding"));
    }

    @Test
    void aTransferCodingOtherThanChunkedIsA400Problem() throws Exception {
        String part = "{\"orderId\":\"o-gzip\"}";
        RawHttp.Response answer = raw(RawHttp.head("POST /api/v1/tickets?framing=gzip HTTP/1.1", "Host: localhost",
                "Authorization: Bearer " + SELLER, "Content-Type: application/json", "Transfer-Encoding: gzip, chunked",
                "Connection: close")
                + Integer.toHexString(part.length()) + "\r\n" + part + "\r\n0\r\n\r\n");
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"));
        assertEquals(0, StubServices.received().stream().filter(r -> r.uri().contains("framing=gzip")).count());
    }

    @Test
    void locationNeverComesFromTheClientsHost() throws Exception {
        RawHttp.Response answer = raw(RawHttp.head("POST /api/v1/orders HTTP/1.1", "Host: evil.example",
                "Authorization: Bearer " + STOREFRONT, "Content-Type: application/json", "Content-Length: 2",
                "Connection: close") + "{}");
        assertEquals(201, answer.status(), answer.body());
        // No public URL is configured in the test profile: the link is relative.
        assertEquals("/api/v1/orders/order-1", answer.header("Location"));
    }

    @Test
    void theGatewayNamesEachRequestAndPassesTheClientsIdSeparately() {
        String response = given().auth().oauth2(SELLER).header("X-Request-Id", "req-client-chosen")
                .when().get("/api/v1/orders/o-request-id")
                .then().statusCode(200)
                .header("X-Client-Request-Id", "req-client-chosen")
                .extract().header("X-Request-Id");
        assertNotEquals("req-client-chosen", response);
        UUID.fromString(response);
        var headers = StubServices.lastTo("/api/v1/orders/o-request-id").headers();
        assertEquals(response, headers.get("X-Request-Id"));
        assertEquals("req-client-chosen", headers.get("X-Client-Request-Id"));

        // A client id that is not a sane token is not passed on at all; a forged X-Client-Request-Id neither.
        given().auth().oauth2(SELLER).header("X-Request-Id", "bad id with spaces").header("X-Client-Request-Id", "forged")
                .when().get("/api/v1/orders/o-request-id-2")
                .then().statusCode(200).header("X-Client-Request-Id", (String) null);
        assertNull(StubServices.lastTo("/api/v1/orders/o-request-id-2").headers().get("X-Client-Request-Id"));

        // The gateway's own routes are named by the gateway too.
        String dashboardId = given().auth().oauth2(DevTokens.seller("protocol-dashboard")).header("X-Request-Id", "req-client-dash")
                .when().get("/api/v1/dashboard").then().statusCode(200).extract().header("X-Request-Id");
        assertNotEquals("req-client-dash", dashboardId);
    }

    /** Over-long request lines and header blocks are refused at the edge as problems, not Vert.x's bare 414/431. */
    @Test
    void aRequestLineOver4KiBIsA414ProblemAndReachesNoService() {
        given().auth().oauth2(SELLER).queryParam("q", "x".repeat(3 * 1024)).when().get("/api/v1/orders/o-line-ok")
                .then().statusCode(200);
        int before = StubServices.received().size();
        given().auth().oauth2(SELLER).queryParam("q", "x".repeat(5 * 1024)).when().get("/api/v1/orders/o-line-long")
                .then().statusCode(414).contentType("application/problem+json")
                .header("X-Request-Id", not(emptyOrNullString()))
                .body("status", equalTo(414))
                .body("type", equalTo("https://errors.kingstonexpress.com/request-line-too-long"))
                .body("requestId", not(emptyOrNullString()));
        assertEquals(before, StubServices.received().size(), "nothing reaches a service");
    }

    @Test
    void headersOver8KiBAreA431ProblemAndReachNoService() {
        int before = StubServices.received().size();
        given().auth().oauth2(SELLER).header("X-Filler", "x".repeat(10 * 1024)).when().get("/api/v1/orders/o-headers-long")
                .then().statusCode(431).contentType("application/problem+json")
                .body("status", equalTo(431))
                .body("type", equalTo("https://errors.kingstonexpress.com/headers-too-large"));
        assertEquals(before, StubServices.received().size(), "nothing reaches a service");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "DELETE, /api/v1/orders/o-1", "GET, /api/v1/customer-messages", "GET, /api/v1/orders/o-1/unknown",
            "GET, /api/v1/orders/o-1;a=b/history/x", "PATCH, /api/v1/platform/incidents/i-1" })
    void aMethodAndPathNoRuleNamesIsDenied(String method, String path) {
        int before = StubServices.received().size();
        given().auth().oauth2(SELLER).when().request(method, path)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        assertEquals(before, StubServices.received().size(), "nothing reaches a service");
    }

    private RawHttp.Response raw(String request) throws Exception {
        try (RawHttp client = RawHttp.open("127.0.0.1", gateway.getPort())) {
            return client.send(request).readResponse();
        }
    }
}
