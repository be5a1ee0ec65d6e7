package com.kingstonexpress.fulfillment.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.fulfillment.support.Tables;
import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.testing.EventContracts;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Operations declare and resolve delivery slowdowns; everyone signed in sees the current ones; each change is published. */
@QuarkusTest
class IncidentsTest {

    private static final String PATH = "/api/v1/platform/incidents";
    private static final String TOPIC = "kx.platform.incidents.v1";

    @Inject
    Tables tables;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void declareListResolveAndPublishEachChangeOnce() {
        Instant endsAt = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String incidentId = operations()
                .body("""
                        {"scope":{"regions":["Scotland"," Scotland","Wales"],"carriers":["royal-parcel"]},
                         "endsAt":"%s","customerNote":"Storms are slowing deliveries in Scotland and Wales."}""".formatted(endsAt))
                .when().post(PATH)
                .then().statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .body("incidentId", notNullValue())
                .body("scope.regions", contains("Scotland", "Wales"))
                .body("scope.carriers", contains("royal-parcel"))
                .body("state", equalTo("ACTIVE"))
                .body("declaredBy", equalTo("ops-1"))
                .extract().path("incidentId");

        given().auth().oauth2(DevTokens.seller("seller-9")).when().get(PATH)
                .then().statusCode(200).body("items.incidentId", hasItem(incidentId));
        given().auth().oauth2(DevTokens.supportAgent("agent-9")).when().get(PATH + "/" + incidentId)
                .then().statusCode(200).body("customerNote", equalTo("Storms are slowing deliveries in Scotland and Wales."))
                .body("$", not(hasKey("declaredBy")));
        // #12 L5: who declared it is staff business; sellers (and the storefront) see the incident, not the person.
        given().auth().oauth2(DevTokens.seller("seller-9")).when().get(PATH)
                .then().statusCode(200).body("items.find { it.incidentId == '%s' }".formatted(incidentId), not(hasKey("declaredBy")));
        operations().when().get(PATH + "/" + incidentId).then().statusCode(200).body("declaredBy", equalTo("ops-1"));

        String resolvedAt = operations().when().post(PATH + "/" + incidentId + "/resolution")
                .then().statusCode(200).body("state", equalTo("RESOLVED")).body("resolvedBy", equalTo("ops-1"))
                .extract().path("resolvedAt");
        given().auth().oauth2(DevTokens.operations("ops-2")).when().post(PATH + "/" + incidentId + "/resolution")
                .then().statusCode(200).body("resolvedAt", equalTo(resolvedAt)).body("resolvedBy", equalTo("ops-1"));
        given().auth().oauth2(DevTokens.seller("seller-9")).when().get(PATH)
                .then().statusCode(200).body("items.incidentId", not(hasItem(incidentId)));

        List<ConsumerRecord<String, String>> published = KafkaTopics.await(TOPIC, r -> incidentId.equals(r.key()),
                l -> l.size() >= 2, Duration.ofSeconds(60));
        EventContracts.assertMatches(EventContracts.schemaOf("fulfillment-service", "platform.incident-declared.v1"),
                published.get(0).value());
        EventContracts.assertMatches(EventContracts.schemaOf("fulfillment-service", "platform.incident-resolved.v1"),
                published.get(1).value());
        assertEquals(1, tables.count("kx_outbox WHERE record_key = ?1 AND event_type LIKE '%incident-resolved%'", incidentId),
                "resolving twice publishes once");
    }

    @Test
    void aScheduledIncidentIsListedWithItsState() {
        Instant startsAt = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String incidentId = operations()
                .body("""
                        {"scope":{"carriers":["swift-post"]},"startsAt":"%s","customerNote":"Planned depot move."}"""
                        .formatted(startsAt))
                .when().post(PATH).then().statusCode(201).body("state", equalTo("SCHEDULED")).body("endsAt", equalTo(null))
                .extract().path("incidentId");
        given().auth().oauth2(DevTokens.seller("seller-9")).when().get(PATH)
                .then().statusCode(200).body("items.find { it.incidentId == '" + incidentId + "' }.state", equalTo("SCHEDULED"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String key = "declare-" + UUID.randomUUID();
        String body = """
                {"scope":{"regions":["Cornwall"]},"customerNote":"Ferry strike."}""";
        String first = operations().header("Idempotency-Key", key).body(body).when().post(PATH)
                .then().statusCode(201).extract().path("incidentId");
        String location = operations().header("Idempotency-Key", key).body(body).when().post(PATH)
                .then().statusCode(201).body("incidentId", equalTo(first)).extract().header("Location");
        assertEquals(true, location.endsWith(PATH + "/" + first));
        operations().header("Idempotency-Key", key).body(body.replace("Ferry", "Rail")).when().post(PATH)
                .then().statusCode(422).contentType("application/problem+json");
        assertEquals(1, tables.count("incident WHERE customer_note = 'Ferry strike.'"));
    }

    @Test
    void badDeclarationsAre400AndStoreNothing() {
        long before = tables.count("incident");
        String future = Instant.now().plus(1, ChronoUnit.HOURS).toString();
        String past = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        invalid("{\"scope\":{\"regions\":[],\"carriers\":[]},\"customerNote\":\"x\"}", "scope");
        invalid("{\"scope\":{},\"customerNote\":\"x\"}", "scope");
        invalid("{\"scope\":{\"regions\":[\"Kent\"]},\"startsAt\":\"" + future + "\",\"endsAt\":\"" + future + "\",\"customerNote\":\"x\"}",
                "endsAt");
        invalid("{\"scope\":{\"regions\":[\"Kent\"]},\"endsAt\":\"" + past + "\",\"customerNote\":\"x\"}", "endsAt");
        invalid("{\"scope\":{\"regions\":[\"Kent\"]},\"customerNote\":\" \"}", "customerNote");
        invalid("{\"scope\":{\"regions\":[\"Kent\"]}}", "customerNote");
        invalid("{\"customerNote\":\"x\"}", "scope");
        invalid("{\"scope\":{\"regions\":[\"Kent\"]},\"customerNote\":\"" + "n".repeat(1001) + "\"}", "customerNote");
        operations().body("{\"scope\":{\"regions\":\"Kent\"},\"customerNote\":\"x\"}").when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json");
        operations().body("{\"scope\":{\"regions\":[\"Kent\"]},\"startsAt\":\"soon\",\"customerNote\":\"x\"}").when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json");
        operations().body("{not json").when().post(PATH).then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, tables.count("incident"));
    }

    @Test
    void onlyOperationsDeclareAndResolve() {
        String body = "{\"scope\":{\"regions\":[\"Kent\"]},\"customerNote\":\"x\"}";
        given().auth().oauth2(DevTokens.seller("seller-9")).contentType("application/json").body(body).when().post(PATH)
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").body(body).when().post(PATH)
                .then().statusCode(401).contentType("application/problem+json");
        given().when().get(PATH).then().statusCode(401);
        given().auth().oauth2(DevTokens.supportAgent("agent-9")).when().post(PATH + "/" + UUID.randomUUID() + "/resolution")
                .then().statusCode(403);
        operations().when().post(PATH + "/" + UUID.randomUUID() + "/resolution")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static void invalid(String body, String field) {
        operations().body(body).when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString(field)));
    }

    private static RequestSpecification operations() {
        return given().auth().oauth2(DevTokens.operations("ops-1")).contentType("application/json");
    }
}
