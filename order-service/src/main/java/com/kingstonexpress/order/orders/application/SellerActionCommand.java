package com.kingstonexpress.order.orders.application;

import com.kingstonexpress.order.guard.domain.ActionInput;
import com.kingstonexpress.order.guard.domain.SellerAction;
import com.kingstonexpress.order.orders.domain.EvidenceKind;

/**
 * A seller's action on its own order, with what it brings: carrier and tracking number ({@code add-tracking},
 * {@code mark-shipped}), a proof of delivery ({@code mark-delivered}), a reason ({@code cancel}, {@code refund},
 * {@code resend}). {@code expectedVersion} is the version the seller saw, or null for any.
 */
public record SellerActionCommand(String orderId, SellerAction action, Long expectedVersion, String sellerId, String actorId,
        String carrier, String trackingNumber, Evidence evidence, String reason) {

    public record Evidence(EvidenceKind kind, String reference) {
    }

    public boolean bringsTracking() {
        return present(carrier) && present(trackingNumber);
    }

    public boolean bringsSomeTracking() {
        return present(carrier) || present(trackingNumber);
    }

    public boolean bringsProofOfDelivery() {
        return evidence != null && evidence.kind() == EvidenceKind.PROOF_OF_DELIVERY && present(evidence.reference());
    }

    /** As far as the guard's rules care. */
    public ActionInput input() {
        return new ActionInput(bringsTracking(), bringsProofOfDelivery());
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
