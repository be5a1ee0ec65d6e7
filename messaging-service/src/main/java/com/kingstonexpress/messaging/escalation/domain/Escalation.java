package com.kingstonexpress.messaging.escalation.domain;

import java.util.Set;

/** The signals a customer message carries and the sentence that shows them best. */
public record Escalation(Set<EscalationSignal> signals, String excerpt) {

    public boolean detected() {
        return !signals.isEmpty();
    }
}
