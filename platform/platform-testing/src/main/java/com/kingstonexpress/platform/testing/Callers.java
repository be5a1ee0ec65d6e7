package com.kingstonexpress.platform.testing;

import static io.restassured.RestAssured.given;

import com.kingstonexpress.platform.infra.DevTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** REST Assured requests as one of the system's callers, with a development token for that role. */
public final class Callers {

    private Callers() {
    }

    public static RequestSpecification asSeller(String sellerId) {
        return as(DevTokens.seller(sellerId));
    }

    public static RequestSpecification asAgent(String agentId) {
        return as(DevTokens.supportAgent(agentId));
    }

    public static RequestSpecification asOperations(String userId) {
        return as(DevTokens.operations(userId));
    }

    public static RequestSpecification asStorefront() {
        return as(DevTokens.storefront());
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
