package com.kingstonexpress.messaging.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.kingstonexpress.messaging.order.persistence.OrderProjection;
import com.kingstonexpress.platform.testing.Callers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ValidatableResponse;

/** Drives the service as its callers do: order events on Kafka, the storefront and sellers over HTTP. */
public final class Messaging {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private Messaging() {
    }

    /** Places an order through kx.orders.v1 and waits until the projection knows it. */
    public static String placeOrder(String sellerId, String customerId, String type) {
        String orderId = UUID.randomUUID().toString();
        OrderEvents.publish(orderId, OrderEvents.placed(orderId, sellerId, customerId, type, 1));
        await().atMost(WAIT).until(() -> projected(orderId) != null);
        return orderId;
    }

    public static OrderProjection projected(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> OrderProjection.<OrderProjection>findById(orderId));
    }

    public static ValidatableResponse customerMessage(String messageId, String orderId, String customerId, String body) {
        return Callers.asStorefront().body(Map.of("messageId", messageId, "orderId", orderId, "customerId", customerId, "body", body))
                .when().post("/api/v1/customer-messages").then();
    }

    /** A new customer message in the order's conversation; returns the conversation id. */
    public static String customerWrites(String orderId, String customerId, String body) {
        return customerMessage(UUID.randomUUID().toString(), orderId, customerId, body).statusCode(201).extract().path("conversationId");
    }

    public static long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = OrderProjection.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }
}
