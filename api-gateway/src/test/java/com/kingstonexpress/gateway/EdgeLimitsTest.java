package com.kingstonexpress.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.infra.DevTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** Body size limit, per-principal rate limit and CORS, as the test profile sets them (64 KiB, 5/s burst 60). */
@QuarkusTest
class EdgeLimitsTest {

    private static final int MAX_BODY = 65536;
    private static final String SELLER = DevTokens.seller("limits-seller");

    @TestHTTPResource("/")
    URL gateway;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anOversizedBodyIs413BeforeAnyServiceSeesIt() {
        int before = StubServices.received().size();
        given().auth().oauth2(SELLER).contentType("application/json").body(jsonOfSize(MAX_BODY + 1))
                .when().post("/api/v1/tickets")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("maxBytes", equalTo(MAX_BODY));
        assertEquals(before, StubServices.received().size());

        given().auth().oauth2(SELLER).contentType("application/json").body(jsonOfSize(MAX_BODY))
                .when().post("/api/v1/tickets")
                .then().statusCode(200).header("X-Stub-Service", "support-service");
    }

    @Test
    void aBodyBeyondEveryLimitIsStillAProblem() throws Exception {
        byte[] body = jsonOfSize(3 * 1024 * 1024).getBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "api/v1/tickets"))
                .header("Authorization", "Bearer " + SELLER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = sendRefusedUpload(request);
        assertEquals(413, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "Quarkus's own 2M limit must not answer first");
    }

    /**
     * The gateway answers an upload it refuses by its Content-Length at once, drains the rest for a bounded time and
     * then closes. A client slower than that bound still meets a reset and may drop the answer it had not read yet;
     * it retries, as real clients do, and the answer it gets must be the 413 problem.
     */
    private static HttpResponse<String> sendRefusedUpload(HttpRequest request) throws Exception {
        IOException reset = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                reset = e;
            }
        }
        throw reset;
    }

    /**
     * The lingering close: a client that only reads the answer once its upload is sent (as many do) finishes sending
     * into a connection the gateway still drains, then sees it end (EOF). Closed at once, its writes met a reset.
     */
    @Test
    void aClientStillSendingAfterTheRefusalFinishesItsUploadAndIsNotReset() throws Exception {
        int length = 3 * 1024 * 1024;
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/tickets HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + SELLER
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 413"), head);
            assertTrue(head.toLowerCase(Locale.ROOT).contains("connection: close"), head);

            byte[] chunk = new byte[64 * 1024];
            for (int sent = 0; sent < length; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, length - sent));
            }
            out.flush();
            in.skipNBytes(contentLength(head));
            assertEquals(-1, in.read(), "the connection ends cleanly once the upload is drained");
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection ended inside the answer's head: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static long contentLength(String head) {
        return head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).trim())).findFirst().orElseThrow();
    }

    @Test
    void anOversizedChunkedBodyIs413Too() throws Exception {
        byte[] body = jsonOfSize(MAX_BODY * 2).getBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "api/v1/tickets"))
                .header("Authorization", "Bearer " + SELLER).header("Content-Type", "application/json")
                // An input stream of unknown length is sent chunked, without Content-Length.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError("the gateway must answer 413, not drop the connection", e);
        }
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void aCallerOverItsRateIs429WithRetryAfterAndOthersAreNotAffected() {
        String hasty = DevTokens.token("hasty-" + UUID.randomUUID(), Set.of("seller"), "hasty-seller", Duration.ofHours(1));
        Response refused = null;
        for (int i = 0; i < 200 && refused == null; i++) {
            Response response = given().auth().oauth2(hasty).when().get("/api/v1/orders/summary");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(200, response.statusCode());
            }
        }
        assertTrue(refused != null, "200 requests in a burst of 60 at 5/s must be limited");
        refused.then().contentType("application/problem+json").body("status", equalTo(429));
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1);

        given().auth().oauth2(DevTokens.seller("patient-seller")).when().get("/api/v1/orders/summary").then().statusCode(200);
    }

    @Test
    void corsPreflightAllowsTheSellerFrontendOnly() {
        given().header("Origin", "https://seller.example.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key,if-match")
                .when().options("/api/v1/orders/o-1/actions/cancel")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://seller.example.test")
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Idempotency-Key"));

        given().header("Origin", "https://evil.example.test")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/orders/o-1/actions/cancel")
                .then().header("Access-Control-Allow-Origin", nullValue());

        given().header("Origin", "https://seller.example.test").auth().oauth2(SELLER)
                .when().get("/api/v1/orders/o-1")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://seller.example.test")
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("X-Request-Id"));
    }

    private static String jsonOfSize(int bytes) {
        String prefix = "{\"description\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(bytes - prefix.length() - suffix.length()) + suffix;
    }
}
