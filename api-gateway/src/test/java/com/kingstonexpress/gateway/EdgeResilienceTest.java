package com.kingstonexpress.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.infra.DevTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * One client cannot take the edge down (review H2, M1, M2): slow bodies hold no connection to a service
 * and open no breaker, requests in progress are capped per client address and per principal, probes and
 * the OpenAPI document cannot open the breakers of real traffic, and the unauthenticated webhook
 * allowance is per client address, not per the sender id a caller writes in the path. Clients are told
 * apart by their loopback address (127.0.0.x). Test profile: 3 s body deadline, minimum pace after 1 s,
 * 16 in progress per address, 8 per principal, webhooks 5/s with bursts of 20 per address, 4 in progress per
 * address and 16 at once.
 */
@QuarkusTest
class EdgeResilienceTest {

    private static final String SELLER = DevTokens.seller("resilience-seller");

    @TestHTTPResource("/")
    URL gateway;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aSlowBodyFloodHoldsNoServiceConnectionAndOpensNoBreaker() throws Exception {
        List<RawHttp> flood = new ArrayList<>();
        List<RawHttp> admitted = new ArrayList<>();
        List<RawHttp.Response> answers = new ArrayList<>();
        try {
            // 70 unauthenticated webhook requests from 10 addresses, each promising 60000 bytes and sending one:
            // more than the 64 connections a service pool had.
            for (int i = 0; i < 70; i++) {
                RawHttp client = RawHttp.open("127.0.0." + (10 + i % 10), gateway.getPort());
                flood.add(client.send(RawHttp.head("POST /api/v1/fulfillment-centers/c-slow-" + i + "/events HTTP/1.1",
                        "Host: localhost", "X-KX-Signature: t=1,v1=00", "Content-Type: application/json",
                        "Content-Length: 60000", "Expect: 100-continue")));
            }
            for (RawHttp client : flood) {
                RawHttp.Response head = client.readHead();
                if (head.status() == 100) {
                    client.send("{");
                    admitted.add(client);
                } else {
                    // Beyond the webhook class's cap: shed at once, never a service failure.
                    assertTrue(head.status() == 503 || head.status() == 429, "status " + head.status());
                }
            }
            assertTrue(!admitted.isEmpty(), "some slow bodies are admitted");

            // While they trickle, a normal caller of the same service is served.
            given().auth().oauth2(SELLER).when().get("/api/v1/platform/incidents")
                    .then().statusCode(200).header("X-Stub-Service", "fulfillment-service");

            for (RawHttp client : admitted) {
                answers.add(client.readResponse());
            }
        } finally {
            flood.forEach(RawHttp::close);
        }
        // None of it counted against the service: its breakers are closed, for tokens and webhooks alike.
        given().auth().oauth2(SELLER).when().get("/api/v1/platform/incidents").then().statusCode(200);
        // Each slow body was answered 408 (a client error) once it fell behind, not 504 (a service's fault).
        for (RawHttp.Response answer : answers) {
            assertEquals(408, answer.status(), answer.body());
            assertTrue(answer.header("Content-Type").startsWith("application/problem+json"));
        }
        try (RawHttp center = RawHttp.open("127.0.0.4", gateway.getPort())) {
            String body = "{\"events\":[]}";
            RawHttp.Response answer = center.send(RawHttp.head("POST /api/v1/fulfillment-centers/center-london-1/events HTTP/1.1",
                    "Host: localhost", "X-KX-Signature: t=1,v1=00", "Content-Type: application/json",
                    "Content-Length: " + body.length(), "Connection: close") + body).readResponse();
            assertEquals(200, answer.status(), answer.body());
        }
    }

    @Test
    void oneAddressHoldingSlowWebhookUploadsCannotStarveARealCenter() throws Exception {
        // As many slow webhook uploads from one address as the whole webhook class may hold (16 in the test
        // profile, as one address's 64 may fill the class's 32 in production), promising 60000 bytes each.
        List<RawHttp> flood = new ArrayList<>();
        List<RawHttp.Response> heads = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                RawHttp client = RawHttp.open("127.0.0.80", gateway.getPort());
                flood.add(client.send(RawHttp.head("POST /api/v1/fulfillment-centers/center-london-1/events HTTP/1.1",
                        "Host: localhost", "X-KX-Signature: t=1,v1=00", "Content-Type: application/json",
                        "Content-Length: 60000", "Expect: 100-continue")));
            }
            for (RawHttp client : flood) {
                RawHttp.Response head = client.readHead();
                heads.add(head);
                if (head.status() == 100) {
                    // Enough to stay above the minimum pace until the body deadline: the slot stays taken meanwhile.
                    client.send("{\"events\":[" + " ".repeat(4000));
                }
            }

            // While they trickle, the real center, from its own address, is served.
            RawHttp.Response real = webhook("127.0.0.81", "/api/v1/fulfillment-centers/center-london-1/events");
            assertEquals(200, real.status(), real.body());
            assertEquals("fulfillment-service", real.header("X-Stub-Service"));
        } finally {
            flood.forEach(RawHttp::close);
        }
        // The flooding address got its own cap's worth, and the rest were refused as its fault.
        assertEquals(4, heads.stream().filter(h -> h.status() == 100).count());
        for (RawHttp.Response refused : heads.stream().filter(h -> h.status() != 100).toList()) {
            assertEquals(429, refused.status());
            assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
            assertEquals("1", refused.header("Retry-After"));
        }
    }

    @Test
    void requestsInProgressAreCappedPerClientAddressAndPerPrincipal() throws Exception {
        List<RawHttp> held = new ArrayList<>();
        try {
            // One address, many principals: 16 at once, the 17th is refused.
            for (int i = 0; i < 16; i++) {
                held.add(admittedSlowUpload("127.0.0.40", DevTokens.seller("cap-address-" + i)));
            }
            RawHttp.Response refused = slowUploadHead("127.0.0.40", DevTokens.seller("cap-address-16"));
            assertEquals(429, refused.status());
            assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));

            // One principal, many addresses: 8 at once, the 9th is refused.
            String principal = DevTokens.seller("cap-principal");
            for (int i = 0; i < 8; i++) {
                held.add(admittedSlowUpload("127.0.0." + (50 + i), principal));
            }
            assertEquals(429, slowUploadHead("127.0.0.58", principal).status());
        } finally {
            held.forEach(RawHttp::close);
        }
        // The slots are given back when the clients leave.
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (RawHttp again = RawHttp.open("127.0.0.40", gateway.getPort())) {
                assertEquals(200, again.send(RawHttp.head("GET /api/v1/orders/summary HTTP/1.1", "Host: localhost",
                        "Authorization: Bearer " + DevTokens.seller("cap-address-16"), "Connection: close")).readResponse().status());
            }
        });
    }

    private RawHttp admittedSlowUpload(String address, String token) throws Exception {
        RawHttp client = RawHttp.open(address, gateway.getPort());
        client.send(slowUpload(token));
        RawHttp.Response head = client.readHead();
        assertEquals(100, head.status(), "admitted from " + address);
        // Enough to stay above the minimum pace until the body deadline: the slot stays taken meanwhile.
        client.send("{\"description\":\"" + "x".repeat(4000));
        return client;
    }

    private RawHttp.Response slowUploadHead(String address, String token) throws Exception {
        try (RawHttp client = RawHttp.open(address, gateway.getPort())) {
            return client.send(slowUpload(token)).readResponse();
        }
    }

    private static String slowUpload(String token) {
        return RawHttp.head("POST /api/v1/tickets HTTP/1.1", "Host: localhost", "Authorization: Bearer " + token,
                "Content-Type: application/json", "Content-Length: 60000", "Expect: 100-continue");
    }

    @Test
    void aProbeFloodOpensNoBreakerOfRealTrafficNorStarvesIt() throws Exception {
        StubServices.failPath("/q/health/ready", StubServices.NEVER_ANSWER);
        StubServices.failPath("/q/openapi", StubServices.NEVER_ANSWER);
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<CompletableFuture<HttpResponse<String>>> probes = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String path = i % 4 == 3 ? "q/openapi?format=json" : "q/health/group/downstreams";
                probes.add(client.sendAsync(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            // While every service's readiness and document hang, real traffic is served.
            given().auth().oauth2(SELLER).when().get("/api/v1/orders/summary").then().statusCode(200);
            for (CompletableFuture<HttpResponse<String>> probe : probes) {
                HttpResponse<String> answer = probe.get(30, TimeUnit.SECONDS);
                assertTrue(answer.statusCode() == 200 || answer.statusCode() == 503, answer.statusCode() + " " + answer.body());
            }
            // The probes' timeouts opened no breaker of the proxied traffic.
            given().auth().oauth2(SELLER).when().get("/api/v1/orders/summary").then().statusCode(200);
            given().auth().oauth2(SELLER).when().get("/api/v1/platform/incidents").then().statusCode(200);
            given().auth().oauth2(SELLER).when().get("/api/v1/conversations").then().statusCode(200);
            given().auth().oauth2(SELLER).when().get("/api/v1/tickets").then().statusCode(200);
        } finally {
            StubServices.answerNormally("/q/health/ready");
            StubServices.answerNormally("/q/openapi");
        }
        // The probes' own breakers recover for the next test class.
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            given().when().get("/q/health/group/downstreams").then().statusCode(200);
            given().when().get("/q/openapi?format=json").then().statusCode(200)
                    .body("x-kx-unavailable-services", org.hamcrest.Matchers.hasSize(0));
        });
    }

    @Test
    void dashboardsWaitingOnASlowServiceOpenNoBreakerOfRealTraffic() throws Exception {
        StubServices.failPath("/api/v1/messaging/response-times", StubServices.NEVER_ANSWER);
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<CompletableFuture<HttpResponse<String>>> dashboards = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                dashboards.add(client.sendAsync(HttpRequest.newBuilder(URI.create(gateway + "api/v1/dashboard"))
                        .header("Authorization", "Bearer " + DevTokens.seller("dashboard-flood-" + i))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            // Real traffic to messaging-service is served all along: before, while and after the four
            // dashboards time out on it (3 s), and through the time its breaker would be open (1 s).
            String reader = DevTokens.seller("dashboard-flood-reader");
            Awaitility.await().pollInterval(Duration.ofMillis(200)).during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30))
                    .until(() -> given().auth().oauth2(reader).when().get("/api/v1/conversations").statusCode() == 200);
            for (CompletableFuture<HttpResponse<String>> dashboard : dashboards) {
                HttpResponse<String> answer = dashboard.get(30, TimeUnit.SECONDS);
                assertEquals(200, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("\"unavailable\""), answer.body());
            }
            given().auth().oauth2(SELLER).when().get("/api/v1/conversations")
                    .then().statusCode(200).header("X-Stub-Service", "messaging-service");
        } finally {
            StubServices.answerNormally("/api/v1/messaging/response-times");
        }
        // The dashboard's own breaker recovers for the next test class.
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(SELLER)
                .when().get("/api/v1/dashboard").then().statusCode(200)
                .body("unansweredMessages.status", org.hamcrest.Matchers.equalTo("ok")));
    }

    @Test
    void theWebhookAllowanceIsPerClientAddressNotPerTheSenderIdInThePath() throws Exception {
        // An attacker rotating sender ids is still limited: the key is its address, not the path.
        int refusedRotating = 0;
        for (int i = 0; i < 40; i++) {
            int status = webhook("127.0.0.2", "/api/v1/fulfillment-centers/rotating-" + i + "/events").status();
            assertTrue(status == 200 || status == 429, "status " + status);
            refusedRotating += status == 429 ? 1 : 0;
        }
        assertTrue(refusedRotating > 0, "rotating sender ids must not escape the limit");

        // The attacker reusing a real center's id spends only its own allowance...
        int refusedReusing = 0;
        for (int i = 0; i < 30; i++) {
            refusedReusing += webhook("127.0.0.2", "/api/v1/fulfillment-centers/center-london-1/events").status() == 429 ? 1 : 0;
        }
        assertTrue(refusedReusing > 0);
        // ...and the real center, from its own address, is served.
        RawHttp.Response real = webhook("127.0.0.3", "/api/v1/fulfillment-centers/center-london-1/events");
        assertEquals(200, real.status(), real.body());
        assertEquals("fulfillment-service", real.header("X-Stub-Service"));
        assertTrue(StubServices.received().stream().map(StubServices.Received::uri).toList()
                .contains("/api/v1/fulfillment-centers/center-london-1/events"));
    }

    private RawHttp.Response webhook(String address, String path) throws Exception {
        String body = "{\"events\":[]}";
        try (RawHttp client = RawHttp.open(address, gateway.getPort())) {
            RawHttp.Response answer = client.send(RawHttp.head("POST " + path + " HTTP/1.1", "Host: localhost",
                    "X-KX-Signature: t=1,v1=00", "Content-Type: application/json", "Content-Length: " + body.length(),
                    "Connection: close") + body).readResponse();
            if (answer.status() == 429) {
                assertTrue(answer.header("Content-Type").startsWith("application/problem+json"));
                assertTrue(answer.header("Retry-After") != null);
            }
            return answer;
        }
    }
}
