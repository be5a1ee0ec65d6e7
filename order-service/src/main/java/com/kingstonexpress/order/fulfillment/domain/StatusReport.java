package com.kingstonexpress.order.fulfillment.domain;

/**
 * One normalized fulfillment event for an order, as fulfillment-service reports it. {@code late} means an
 * event newer than this one was already applied to the shipment.
 */
public record StatusReport(ReportSource source, String sourceId, String sourceEventId, FulfillmentEventType eventType,
        boolean late, String carrier, String trackingNumber, String proof) {
}
