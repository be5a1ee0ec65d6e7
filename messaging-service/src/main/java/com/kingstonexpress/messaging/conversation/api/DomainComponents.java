package com.kingstonexpress.messaging.conversation.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.kingstonexpress.messaging.escalation.domain.EscalationDetector;
import com.kingstonexpress.messaging.reply.domain.ReplyChecker;

/** The pure domain components, made injectable. */
@ApplicationScoped
public class DomainComponents {

    @Produces
    @ApplicationScoped
    ReplyChecker replyChecker() {
        return new ReplyChecker();
    }

    @Produces
    @ApplicationScoped
    EscalationDetector escalationDetector(MessagingConfig config) {
        return new EscalationDetector(config.unansweredEscalationThreshold());
    }
}
