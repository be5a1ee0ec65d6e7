package com.kingstonexpress.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.gateway.routing.policy.Downstream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The merged document describes exactly what the services' own documents describe, plus the dashboard. */
@QuarkusTest
class MergedOpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void everyPathOfEveryServiceAppearsWithTheSameOperations() throws Exception {
        JsonNode merged = mergedDocument();
        for (Downstream d : Downstream.values()) {
            JsonNode own = JSON.readTree(StubOpenApi.document(d).encode());
            for (Iterator<Map.Entry<String, JsonNode>> paths = own.path("paths").fields(); paths.hasNext();) {
                Map.Entry<String, JsonNode> path = paths.next();
                JsonNode mergedPath = merged.path("paths").path(path.getKey());
                assertTrue(mergedPath.isObject(), d + " path " + path.getKey() + " is missing");
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                    String method = methods.next();
                    assertEquals(path.getValue().path(method).path("operationId"), mergedPath.path(method).path("operationId"),
                            method + " " + path.getKey());
                    assertEquals(d.serviceName(), mergedPath.path(method).path("x-kx-service").asText());
                }
                assertEquals(operations(path.getValue()), operations(mergedPath), path.getKey());
            }
        }
        assertTrue(merged.path("paths").path("/api/v1/dashboard").has("get"), "the gateway's own path");
        assertEquals(0, merged.path("x-kx-unavailable-services").size());
        assertFalse(merged.has("servers"), "try-it-out goes to the gateway itself");
    }

    @Test
    void componentsOfTheSameNameButDifferentContentAreKeptApart() throws Exception {
        JsonNode merged = mergedDocument();
        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals("problem of order-service", schemas.path("Problem").path("description").asText());
        assertEquals("problem of support-service", schemas.path("SupportServiceProblem").path("description").asText());
        assertEquals("#/components/schemas/SupportServiceProblem",
                merged.path("paths").path("/api/v1/tickets").path("get").path("responses").path("400").path("content")
                        .path("application/problem+json").path("schema").path("$ref").asText());
        assertEquals("#/components/schemas/Problem",
                merged.path("paths").path("/api/v1/orders").path("get").path("responses").path("400").path("content")
                        .path("application/problem+json").path("schema").path("$ref").asText());
        assertTrue(schemas.has("Money"));
        assertFalse(schemas.has("SupportServiceMoney"), "identical components are merged into one");
        assertTrue(schemas.has("Dashboard"));
    }

    @Test
    void aServiceThatIsDownIsLeftOutAndNamed() throws Exception {
        StubServices.stopService(Downstream.MESSAGING);
        JsonNode merged;
        try {
            merged = mergedDocument();
        } finally {
            StubServices.startService(Downstream.MESSAGING);
        }
        assertEquals("messaging-service", merged.path("x-kx-unavailable-services").path(0).asText());
        assertFalse(merged.path("paths").has("/api/v1/conversations"));
        assertTrue(merged.path("paths").has("/api/v1/tickets"));
    }

    @Test
    void servesYamlByDefaultAndSwaggerUiShowsTheMergedDocument() {
        given().when().get("/q/openapi").then().statusCode(200)
                .contentType(containsString("yaml"))
                .body(containsString("/api/v1/orders/{orderId}/tracking:"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/swagger-ui/index.html").then().statusCode(200).body(containsString("/q/openapi?format=json"));
    }

    private static JsonNode mergedDocument() throws Exception {
        String body = given().when().get("/q/openapi?format=json").then().statusCode(200).contentType(containsString("json"))
                .extract().asString();
        return JSON.readTree(body);
    }

    private static Set<String> operations(JsonNode pathItem) {
        Set<String> methods = new TreeSet<>();
        pathItem.fieldNames().forEachRemaining(name -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(name)) {
                methods.add(name);
            }
        });
        return methods;
    }
}
