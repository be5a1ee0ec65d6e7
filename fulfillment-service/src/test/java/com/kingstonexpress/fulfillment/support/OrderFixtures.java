package com.kingstonexpress.fulfillment.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.kingstonexpress.fulfillment.tracking.persistence.ProjectedOrder;
import com.kingstonexpress.fulfillment.tracking.persistence.Shipment;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Orders as order-service announces them: CloudEvents fixtures following the brief's data contract, sent on
 * the real {@code kx.orders.v1} topic, and a wait until this service has learned them.
 */
@ApplicationScoped
public class OrderFixtures {

    public static final String ORDERS_TOPIC = "kx.orders.v1";
    public static final String CENTER = "center-london-1";
    public static final String CARRIER = "royal-parcel";
    public static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EntityManager em;

    public static String orderPlaced(String orderId, String sellerId, String type, String centerId, Instant placedAt) {
        return envelope(orderId, "com.kingstonexpress.order.placed.v1", """
                {"orderId":"%s","sellerId":"%s","customerId":"customer-1","type":"%s","status":"NEW",
                 "fulfillmentCenterId":%s,"shippingMethod":"STANDARD",
                 "deliveryAddress":{"country":"GB","region":"London","city":"London","postalCode":"E1 6AN"},
                 "lines":[{"sku":"SKU-1","title":"Teapot","quantity":1}],"placedAt":"%s"}"""
                .formatted(orderId, sellerId, type, centerId == null ? "null" : "\"" + centerId + "\"", placedAt));
    }

    public static String trackingAdded(String orderId, String sellerId, String carrier, String trackingNumber) {
        return envelope(orderId, "com.kingstonexpress.order.tracking-added.v1", """
                {"orderId":"%s","sellerId":"%s","carrier":"%s","trackingNumber":"%s"}"""
                .formatted(orderId, sellerId, carrier, trackingNumber));
    }

    public static String envelope(String subject, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/kx/order-service","type":"%s","subject":"%s",
                 "time":"%s","datacontenttype":"application/json","sequence":1,"data":%s}"""
                .formatted(UUID.randomUUID(), type, subject, Instant.now(), data);
    }

    /** A Kingston-dispatched order of {@code sellerId} assigned to the demo center, known to this service. */
    public String kingstonOrder(String sellerId, Instant placedAt) {
        String orderId = UUID.randomUUID().toString();
        KafkaTopics.send(ORDERS_TOPIC, orderId, orderPlaced(orderId, sellerId, "KINGSTON_DISPATCHED", CENTER, placedAt));
        awaitKnown(orderId);
        return orderId;
    }

    /** A seller-managed order with tracking at the demo carrier, known to this service. */
    public String sellerManagedOrder(String sellerId, Instant placedAt, String trackingNumber) {
        String orderId = UUID.randomUUID().toString();
        KafkaTopics.send(ORDERS_TOPIC, orderId, orderPlaced(orderId, sellerId, "SELLER_MANAGED", null, placedAt));
        KafkaTopics.send(ORDERS_TOPIC, orderId, trackingAdded(orderId, sellerId, "Royal Parcel", trackingNumber));
        await().atMost(WAIT).until(() -> trackingNumber.equals(QuarkusTransaction.requiringNew().call(() -> {
            Shipment s = em.find(Shipment.class, orderId);
            return s == null ? null : s.trackingNumber;
        })));
        return orderId;
    }

    public void awaitKnown(String orderId) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> em.find(ProjectedOrder.class, orderId) != null));
    }
}
