package com.kingstonexpress.order.orders.application;

import java.time.Instant;

/** The storefront relays that the customer confirmed receipt; {@code confirmedAt} null means now. */
public record ConfirmReceiptCommand(String orderId, String customerId, Instant confirmedAt) {
}
