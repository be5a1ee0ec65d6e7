package com.kingstonexpress.messaging.escalation.domain;

/** Why a customer message is handed to support. */
public enum EscalationSignal {
    DISPUTE_THREAT,
    CHARGEBACK_THREAT,
    BAD_REVIEW_THREAT,
    LEGAL_THREAT,
    REPEATED_UNANSWERED,
    AGGRESSIVE_LANGUAGE
}
