package com.kingstonexpress.messaging.conversation.api;

import com.kingstonexpress.messaging.reply.domain.Finding;
import com.kingstonexpress.messaging.reply.domain.Severity;

public record FindingView(String ruleId, Severity severity, String excerpt, String reason, String suggestion) {

    static FindingView of(Finding f) {
        return new FindingView(f.ruleId(), f.severity(), f.excerpt(), f.reason(), f.suggestion());
    }
}
