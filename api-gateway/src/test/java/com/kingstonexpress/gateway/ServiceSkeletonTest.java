package com.kingstonexpress.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceSkeletonTest {

    @Test
    void healthIsUp() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body(containsString("\"openapi\""));
    }
}
