package com.kingstonexpress.order.orders.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import com.kingstonexpress.order.guard.domain.SellerAction;
import com.kingstonexpress.order.orders.application.SellerActionCommand;
import com.kingstonexpress.order.orders.domain.EvidenceKind;

/**
 * The body of {@code POST /api/v1/orders/{orderId}/actions/{action}}: {@code add-tracking} and {@code mark-shipped}
 * take carrier and tracking number, {@code mark-delivered} an optional proof of delivery, {@code cancel},
 * {@code refund} and {@code resend} a reason.
 */
public record ActionRequest(
        @Size(max = 64) String carrier,
        @Size(max = 64) String trackingNumber,
        @Valid Evidence evidence,
        @Size(max = 1000) String reason) {

    public static final ActionRequest EMPTY = new ActionRequest(null, null, null, null);

    public record Evidence(EvidenceKind kind, @Size(max = 200) String reference) {
    }

    public SellerActionCommand toCommand(String orderId, SellerAction action, Long expectedVersion, String sellerId,
            String actorId) {
        return new SellerActionCommand(orderId, action, expectedVersion, sellerId, actorId, carrier, trackingNumber,
                evidence == null ? null : new SellerActionCommand.Evidence(evidence.kind(), evidence.reference()), reason);
    }
}
