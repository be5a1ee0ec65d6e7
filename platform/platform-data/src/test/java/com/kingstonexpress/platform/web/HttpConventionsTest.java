package com.kingstonexpress.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;

/** Request ids and trace context reach the events a request causes; errors are problem+json. */
@QuarkusTest
class HttpConventionsTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theRequestIdAndTraceparentOfARequestAreStampedOnTheEventsItCauses() throws Exception {
        String subject = "order-" + UUID.randomUUID();
        given().header("X-Request-Id", "req-" + subject).header("traceparent", TRACEPARENT)
                .post("/probe/events/" + subject).then().statusCode(200).header("X-Request-Id", "req-" + subject);
        var records = KafkaTopics.await("kx.platform-test.events.v1", r -> subject.equals(r.key()), l -> !l.isEmpty(), Duration.ofSeconds(60));
        JsonNode event = JSON.readTree(records.get(0).value());
        assertEquals("req-" + subject, event.get("requestid").asText());
        assertEquals(TRACEPARENT, event.get("traceparent").asText());
    }

    @Test
    void aRequestWithoutAnIdGetsOneAndAMalformedTraceparentIsNotPassedOn() throws Exception {
        String subject = "order-" + UUID.randomUUID();
        String id = given().header("traceparent", "not-a-trace").post("/probe/events/" + subject).then().statusCode(200)
                .header("X-Request-Id", not(emptyOrNullString())).extract().header("X-Request-Id");
        var records = KafkaTopics.await("kx.platform-test.events.v1", r -> subject.equals(r.key()), l -> !l.isEmpty(), Duration.ofSeconds(60));
        JsonNode event = JSON.readTree(records.get(0).value());
        assertEquals(id, event.get("requestid").asText());
        assertNull(event.get("traceparent"));
    }

    /**
     * Services buffer at most 256 KiB of body (platform-web's default): beyond it the body is refused before it is
     * buffered, as a 413 problem (not Quarkus's bare 413), whether the length is declared or the body is chunked.
     */
    @Test
    void aBodyOverTheServiceLimitIsRefusedAsAProblemAndOneUnderItIsRead() {
        given().contentType("application/json").body("{\"name\":\"" + "x".repeat(200 * 1024) + "\",\"quantity\":1}")
                .post("/probe/validated").then().statusCode(not(equalTo(413)));
        given().contentType("application/json").body("{\"name\":\"" + "x".repeat(300 * 1024) + "\",\"quantity\":1}")
                .post("/probe/validated").then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("type", equalTo("https://errors.kingstonexpress.com/body-too-large"))
                .body("maxBodyBytes", equalTo(256 * 1024))
                .body("instance", equalTo("/probe/validated"));
    }

    @Test
    void aChunkedBodyThatGrowsOverTheLimitIsA413Problem() {
        byte[] big = ("{\"name\":\"" + "x".repeat(300 * 1024) + "\",\"quantity\":1}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().contentType("application/json").body(new java.io.ByteArrayInputStream(big))
                .post("/probe/validated").then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    /**
     * Vert.x's own parser answers an over-long request line or header block with a bare 414/431 (no body); the
     * platform raises those parser limits and refuses at 4 KiB / 8 KiB itself, as problems, before any routing.
     */
    @Test
    void aRequestLineOver4KiBIsA414Problem() {
        given().queryParam("q", "x".repeat(3 * 1024)).post("/probe/refusal").then().statusCode(409);
        given().header("X-Request-Id", "req-long-line").queryParam("q", "x".repeat(5 * 1024)).post("/probe/refusal")
                .then().statusCode(414)
                .contentType("application/problem+json")
                .header("X-Request-Id", "req-long-line")
                .body("status", equalTo(414))
                .body("type", equalTo("https://errors.kingstonexpress.com/request-line-too-long"))
                .body("maxRequestLineBytes", equalTo(4096))
                .body("requestId", equalTo("req-long-line"))
                .body("instance", equalTo("/probe/refusal"));
    }

    @Test
    void headersOver8KiBAreA431Problem() {
        given().header("X-Filler", "x".repeat(6 * 1024)).post("/probe/refusal").then().statusCode(409);
        given().header("X-Filler", "x".repeat(10 * 1024)).post("/probe/refusal")
                .then().statusCode(431)
                .contentType("application/problem+json")
                .header("X-Request-Id", not(emptyOrNullString()))
                .body("status", equalTo(431))
                .body("type", equalTo("https://errors.kingstonexpress.com/headers-too-large"))
                .body("maxHeaderBytes", equalTo(8192))
                .body("instance", equalTo("/probe/refusal"));
    }

    @Test
    void validationFailuresAre400ProblemsNamingTheFields() {
        given().contentType("application/json").body("{\"name\":\"\",\"quantity\":-1}").post("/probe/validated")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("name")).body("violations.field", hasItem("quantity"));
    }

    @Test
    void wrongTypesUnknownEnumValuesAndBrokenJsonAre400Problems() {
        given().contentType("application/json").body("{\"name\":\"a\",\"quantity\":\"many\"}").post("/probe/validated")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("quantity"));
        given().contentType("application/json").body("{\"name\":\"a\",\"quantity\":1,\"colour\":\"PURPLE\"}").post("/probe/validated")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("colour"));
        given().contentType("application/json").body("{\"name\":").post("/probe/validated")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aRuleRefusalIs409WithRuleReasonAndHint() {
        given().post("/probe/refusal").then().statusCode(409).contentType("application/problem+json")
                .body("ruleId", equalTo("PROBE_RULE")).body("reason", equalTo("The probe refuses."))
                .body("hint", equalTo("Ask again later.")).body("instance", equalTo("/probe/refusal"));
    }

    @Test
    void nulCharactersInPathQueryOrBodyAre400ProblemsAndReachNothing() {
        given().urlEncodingEnabled(false).post("/probe/events/order%00x").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("path"));
        given().urlEncodingEnabled(false).queryParam("q", "a%00b").post("/probe/refusal").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("query parameter 'q'"));
        given().contentType("application/json").body("{\"name\":\"tea\\u0000\",\"quantity\":1}").post("/probe/validated").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("name"));
    }

    @Test
    void anUnknownPathIsA404Problem() {
        given().get("/probe/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
