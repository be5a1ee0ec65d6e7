package com.kingstonexpress.order.orders.application;

import java.math.BigDecimal;
import java.util.List;

import com.kingstonexpress.order.orders.domain.OrderType;
import com.kingstonexpress.order.orders.domain.ShippingMethod;

/** What the storefront's checkout places: the order as the customer gave it (already validated for shape). */
public record PlaceOrderCommand(String sellerId, String customerId, String customerName, OrderType type,
        String fulfillmentCenterId, List<Line> lines, Address deliveryAddress, ShippingMethod shippingMethod, String notes) {

    public record Line(String sku, String title, int quantity, BigDecimal unitAmount, String currency) {
    }

    public record Address(String name, String line1, String line2, String city, String region, String postalCode,
            String country, String phone) {
    }

    /** The {@code Idempotency-Key} of the request, if it had one: a retry with the same key and body gets the first answer. */
    public record Idempotency(String scope, String key, String requestBody) {
    }
}
