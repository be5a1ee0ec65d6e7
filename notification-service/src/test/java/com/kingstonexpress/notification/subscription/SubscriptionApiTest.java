package com.kingstonexpress.notification.subscription;

import static com.kingstonexpress.notification.Api.as;
import static com.kingstonexpress.notification.Api.asSeller;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.kingstonexpress.notification.Events;
import com.kingstonexpress.platform.infra.DevTokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SubscriptionApiTest {

    private static final String PATH = "/api/v1/notification-subscriptions";

    @Test
    void aSellerRegistersAnEndpointAndSeesItsSecretOnce() {
        String seller = Events.newSeller();
        var created = asSeller(seller).body(Map.of("url", "https://hooks.seller.example/kx", "eventTypes",
                List.of("message.received", "order.attention-raised"), "description", "Shop app"))
                .post(PATH).then().statusCode(201)
                .header("Location", containsString(PATH + "/sub_"))
                .body("subscriptionId", startsWith("sub_"))
                .body("sellerId", equalTo(seller))
                .body("eventTypes", equalTo(List.of("message.received", "order.attention-raised")))
                .body("secret", startsWith("whsec_"))
                .body("signing.header", equalTo("X-KX-Signature"))
                .extract();
        String id = created.path("subscriptionId");

        asSeller(seller).get(PATH + "/" + id).then().statusCode(200)
                .body("url", equalTo("https://hooks.seller.example/kx"))
                .body("description", equalTo("Shop app"))
                .body("$", not(hasKey("secret")));
        asSeller(seller).get(PATH).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].subscriptionId", equalTo(id)).body("items[0]", not(hasKey("secret")))
                .body("nextCursor", nullValue());
    }

    @Test
    void listsPageByCursor() {
        String seller = Events.newSeller();
        for (int i = 0; i < 3; i++) {
            asSeller(seller).body(Map.of("url", "https://hooks.seller.example/" + i, "eventTypes", List.of("order.placed")))
                    .post(PATH).then().statusCode(201);
        }
        String cursor = asSeller(seller).get(PATH + "?limit=2").then().statusCode(200).body("items", hasSize(2))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        asSeller(seller).get(PATH + "?limit=2&cursor=" + cursor).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].url", equalTo("https://hooks.seller.example/0")).body("nextCursor", nullValue());
        asSeller(seller).get(PATH + "?cursor=garbage").then().statusCode(400).contentType("application/problem+json");
        asSeller(seller).get(PATH + "?limit=0").then().statusCode(400).contentType("application/problem+json");
        asSeller(seller).get(PATH + "?limit=ten").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstCreation() {
        String seller = Events.newSeller();
        Map<String, Object> body = Map.of("url", "https://hooks.seller.example/kx", "eventTypes", List.of("order.placed"));
        var first = asSeller(seller).header("Idempotency-Key", "k-1").body(body).post(PATH).then().statusCode(201).extract();
        var again = asSeller(seller).header("Idempotency-Key", "k-1").body(body).post(PATH).then().statusCode(201).extract();
        assertEquals((String) first.path("subscriptionId"), again.path("subscriptionId"));
        asSeller(seller).header("Idempotency-Key", "k-1").body(Map.of("url", "https://other.example/", "eventTypes", List.of("order.placed")))
                .post(PATH).then().statusCode(422).contentType("application/problem+json");
        asSeller(seller).get(PATH).then().body("items", hasSize(1));
        String other = asSeller(seller).header("Idempotency-Key", "k-2").body(body).post(PATH).then().statusCode(201)
                .extract().path("subscriptionId");
        assertNotEquals(first.path("subscriptionId"), other);
    }

    @Test
    void deletingStopsItAndOtherSellersCannotSeeOrDeleteIt() {
        String seller = Events.newSeller();
        String id = asSeller(seller).body(Map.of("url", "https://hooks.seller.example/kx", "eventTypes", List.of("order.placed")))
                .post(PATH).then().statusCode(201).extract().path("subscriptionId");
        String stranger = Events.newSeller();
        asSeller(stranger).get(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
        asSeller(stranger).delete(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
        asSeller(stranger).get(PATH + "/" + id + "/deliveries").then().statusCode(404);
        asSeller(stranger).get(PATH).then().body("items", hasSize(0));

        asSeller(seller).delete(PATH + "/" + id).then().statusCode(204);
        asSeller(seller).get(PATH + "/" + id).then().statusCode(404);
        asSeller(seller).delete(PATH + "/" + id).then().statusCode(404);
        asSeller(seller).get(PATH).then().body("items", hasSize(0));
    }

    static List<Map<String, Object>> badBodies() {
        Map<String, Object> noUrl = new HashMap<>(Map.of("eventTypes", List.of("order.placed")));
        return List.of(
                noUrl,
                Map.of("url", "http://hooks.seller.example/kx", "eventTypes", List.of("order.placed")),
                Map.of("url", "https://10.1.2.3/kx", "eventTypes", List.of("order.placed")),
                Map.of("url", "https://user:secret@hooks.seller.example/kx", "eventTypes", List.of("order.placed")),
                Map.of("url", "not a url", "eventTypes", List.of("order.placed")),
                Map.of("url", "https://hooks.seller.example/" + "x".repeat(2100), "eventTypes", List.of("order.placed")),
                Map.of("url", "https://hooks.seller.example/kx"),
                Map.of("url", "https://hooks.seller.example/kx", "eventTypes", List.of()),
                Map.of("url", "https://hooks.seller.example/kx", "eventTypes", List.of("order.exploded")),
                Map.of("url", "https://hooks.seller.example/kx", "eventTypes", "order.placed"),
                Map.of("url", 42, "eventTypes", List.of("order.placed")),
                Map.of("url", "https://hooks.seller.example/kx", "eventTypes", List.of("order.placed"), "description", "d".repeat(501)));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badInputIsAProblemAndCreatesNothing(Map<String, Object> body) {
        String seller = Events.newSeller();
        asSeller(seller).body(body).post(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", notNullValue());
        asSeller(seller).get(PATH).then().body("items", hasSize(0));
    }

    @Test
    void malformedJsonIsAProblem() {
        String seller = Events.newSeller();
        asSeller(seller).body("{\"url\": ").post(PATH).then().statusCode(400).contentType("application/problem+json");
        asSeller(seller).get(PATH).then().body("items", hasSize(0));
    }

    @Test
    void onlySellersWithAValidTokenMaySubscribe() {
        Map<String, Object> body = Map.of("url", "https://hooks.seller.example/kx", "eventTypes", List.of("order.placed"));
        given().contentType("application/json").body(body).post(PATH).then().statusCode(401).contentType("application/problem+json");
        as("not-a-token").body(body).post(PATH).then().statusCode(401);
        as(DevTokens.supportAgent("agent-1")).body(body).post(PATH).then().statusCode(403).contentType("application/problem+json");
        as(DevTokens.storefront()).get(PATH).then().statusCode(403);
        given().get("/api/v1/notifications/stream").then().statusCode(401);
    }

    @Test
    void aSellerHasAtMostTwentySubscriptions() {
        String seller = Events.newSeller();
        for (int i = 0; i < 20; i++) {
            asSeller(seller).body(Map.of("url", "https://hooks.seller.example/" + i, "eventTypes", List.of("order.placed")))
                    .post(PATH).then().statusCode(201);
        }
        asSeller(seller).body(Map.of("url", "https://hooks.seller.example/21", "eventTypes", List.of("order.placed")))
                .post(PATH).then().statusCode(409).contentType("application/problem+json");
    }
}
