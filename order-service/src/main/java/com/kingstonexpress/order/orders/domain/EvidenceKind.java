package com.kingstonexpress.order.orders.domain;

/** What proves a seller-managed order arrived: "Never mark delivered without confirmation." */
public enum EvidenceKind {
    CARRIER_EVENT, CUSTOMER_CONFIRMATION, PROOF_OF_DELIVERY
}
