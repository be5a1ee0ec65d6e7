package com.kingstonexpress.notification;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import com.kingstonexpress.platform.infra.DevTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The service's HTTP API as a seller calls it. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    public static RequestSpecification asSeller(String sellerId) {
        return as(DevTokens.seller(sellerId));
    }

    /** Registers an endpoint and returns {subscriptionId, secret}. */
    public static Map<String, String> subscribe(String sellerId, String url, String... types) {
        var r = asSeller(sellerId).body(Map.of("url", url, "eventTypes", List.of(types)))
                .post("/api/v1/notification-subscriptions").then().statusCode(201).extract();
        return Map.of("subscriptionId", r.path("subscriptionId"), "secret", r.path("secret"));
    }
}
