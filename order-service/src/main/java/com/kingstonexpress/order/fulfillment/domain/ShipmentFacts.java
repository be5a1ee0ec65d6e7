package com.kingstonexpress.order.fulfillment.domain;

import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;

/** What the progress policy needs to know about the order a report is for. */
public record ShipmentFacts(OrderType type, OrderStatus status, String fulfillmentCenterId, String trackingNumber) {
}
