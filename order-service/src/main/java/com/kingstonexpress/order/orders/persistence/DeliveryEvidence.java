package com.kingstonexpress.order.orders.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import com.kingstonexpress.order.orders.domain.EvidenceKind;

/** Proof that an order arrived: a carrier event, the customer's confirmation or a proof-of-delivery reference. */
@Embeddable
public class DeliveryEvidence {
    @Enumerated(EnumType.STRING)
    public EvidenceKind kind;
    public String reference;
    @Column(name = "recorded_at")
    public Instant at;

    public static DeliveryEvidence of(EvidenceKind kind, String reference, Instant at) {
        DeliveryEvidence e = new DeliveryEvidence();
        e.kind = kind;
        e.reference = reference;
        e.at = at;
        return e;
    }
}
