package com.kingstonexpress.messaging.conversation.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import com.kingstonexpress.messaging.draft.domain.ReplyDrafter;
import com.kingstonexpress.messaging.escalation.domain.EscalationDetector;
import com.kingstonexpress.messaging.reply.domain.ReplyChecker;

import io.quarkus.runtime.StartupEvent;

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
    ReplyDrafter replyDrafter() {
        return new ReplyDrafter();
    }

    /** Loads the language models at start-up, so the first reply check is as fast as the others. */
    void readTheModelsAtStartUp(@Observes StartupEvent startup, ReplyChecker checker) {
        checker.check("Warming up: it should arrive tomorrow.");
    }

    @Produces
    @ApplicationScoped
    EscalationDetector escalationDetector(MessagingConfig config) {
        return new EscalationDetector(config.unansweredEscalationThreshold());
    }
}
