package com.kingstonexpress.order.fulfillment.domain;

import com.kingstonexpress.order.orders.domain.Condition;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;

/**
 * Maps fulfillment reports onto orders. Reports arrive duplicated, late and out of order, so the policy only
 * ever moves a status forward, and a late report (older than one already applied) changes no condition.
 */
public final class FulfillmentProgress {

    public Progress apply(ShipmentFacts order, StatusReport report) {
        boolean dispatched = order.type() == OrderType.KINGSTON_DISPATCHED;
        if (report.source() == ReportSource.CENTER
                && (!dispatched || order.fulfillmentCenterId() == null || !order.fulfillmentCenterId().equals(report.sourceId()))) {
            // "Center events apply only to Kingston-dispatched orders assigned to that center."
            return Progress.ignored("center " + report.sourceId() + " is not the center assigned to this order");
        }
        if (report.source() == ReportSource.CARRIER && !dispatched && order.trackingNumber() != null
                && report.trackingNumber() != null && !order.trackingNumber().equals(report.trackingNumber())) {
            return Progress.ignored("carrier report for tracking number " + report.trackingNumber() + ", not this order's");
        }
        if (order.status().isTerminal()) {
            // A hand-over report that arrives after delivery still tells us the tracking we never got.
            if (order.status() == OrderStatus.DELIVERED && dispatched && bringsMissingTracking(order, report)) {
                return Progress.none().withTracking();
            }
            return Progress.ignored("the order is " + order.status());
        }
        return dispatched ? dispatched(order, report) : sellerManaged(report);
    }

    private static Progress dispatched(ShipmentFacts order, StatusReport report) {
        Progress progress = Progress.none();
        switch (report.eventType()) {
            case PICKED, PACKED -> progress = forward(order, OrderStatus.PROCESSING, progress);
            case HANDED_TO_CARRIER -> {
                progress = forward(order, OrderStatus.SHIPPED, progress).clearing(Condition.ADDRESS_ISSUE);
                if (bringsMissingTracking(order, report) || report.trackingNumber() != null && report.carrier() != null && !report.late()) {
                    progress = progress.withTracking();
                }
            }
            case IN_TRANSIT, OUT_FOR_DELIVERY -> progress = forward(order, OrderStatus.IN_TRANSIT, progress);
            case DELIVERED -> progress = forward(order, OrderStatus.DELIVERED, progress).withEvidence()
                    .clearing(Condition.CUSTOMS_HOLD, Condition.DELIVERY_ATTEMPT_FAILED, Condition.ADDRESS_ISSUE);
            case CUSTOMS_HOLD, CUSTOMS_CLEARED, DELIVERY_ATTEMPT_FAILED, RETURNED_TO_SENDER, EXCEPTION -> {
                // Conditions only. Returned and exception cases stay in fulfillment's tracking timeline; the
                // status stays and support handles the case.
            }
        }
        return conditions(report, progress);
    }

    /** The seller moves a seller-managed order; carrier reports add evidence and early-warning conditions. */
    private static Progress sellerManaged(StatusReport report) {
        if (report.eventType() == FulfillmentEventType.DELIVERED) {
            return Progress.none().withEvidence();
        }
        return conditions(report, Progress.none());
    }

    private static Progress conditions(StatusReport report, Progress progress) {
        if (report.late()) {
            return progress;
        }
        return switch (report.eventType()) {
            case CUSTOMS_HOLD -> progress.raising(Condition.CUSTOMS_HOLD);
            case CUSTOMS_CLEARED -> progress.clearing(Condition.CUSTOMS_HOLD);
            case DELIVERY_ATTEMPT_FAILED -> progress.raising(Condition.DELIVERY_ATTEMPT_FAILED);
            case OUT_FOR_DELIVERY, IN_TRANSIT -> progress.clearing(Condition.CUSTOMS_HOLD);
            default -> progress;
        };
    }

    private static boolean bringsMissingTracking(ShipmentFacts order, StatusReport report) {
        return report.eventType() == FulfillmentEventType.HANDED_TO_CARRIER && order.trackingNumber() == null
                && report.trackingNumber() != null && report.carrier() != null;
    }

    private static Progress forward(ShipmentFacts order, OrderStatus target, Progress progress) {
        return order.status().isBefore(target) ? progress.to(target) : progress;
    }
}
