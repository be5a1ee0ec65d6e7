package com.kingstonexpress.messaging.conversation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kx.messaging")
public interface MessagingConfig {

    /**
     * How many customer messages in a row without a seller reply hand the conversation to support
     * (escalation signal REPEATED_UNANSWERED). Env: KX_MESSAGING_UNANSWERED_ESCALATION_THRESHOLD.
     */
    @WithDefault("3")
    int unansweredEscalationThreshold();
}
