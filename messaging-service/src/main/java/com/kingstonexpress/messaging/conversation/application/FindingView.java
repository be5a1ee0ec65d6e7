package com.kingstonexpress.messaging.conversation.application;

import com.kingstonexpress.messaging.reply.domain.Finding;
import com.kingstonexpress.messaging.reply.domain.Severity;

/** A finding as sellers see it; {@code guideLine} is the seller-guide line the rule enforces. */
public record FindingView(String ruleId, Severity severity, String excerpt, String reason, String suggestion, String guideLine) {

    static FindingView of(Finding f) {
        return new FindingView(f.ruleId(), f.severity(), f.excerpt(), f.reason(), f.suggestion(), f.rule().guideLine());
    }
}
