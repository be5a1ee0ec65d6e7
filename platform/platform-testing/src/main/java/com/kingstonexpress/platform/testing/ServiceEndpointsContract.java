package com.kingstonexpress.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * What every service answers on its standard endpoints. Each service runs it as
 * {@code @QuarkusTest class ServiceEndpointsTest extends ServiceEndpointsContract {}}.
 */
public abstract class ServiceEndpointsContract {

    @Test
    void healthIsUpWithEverythingItDependsOn() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body(containsString("\"openapi\""));
    }
}
