package com.kingstonexpress.messaging.conversation.events;

import java.time.OffsetDateTime;
import java.util.List;

import com.kingstonexpress.platform.events.EventType;

/** data of messaging.escalation-detected.v1: support picks the conversation up from it. */
@EventType(EscalationDetected.TYPE)
public record EscalationDetected(String orderId, String conversationId, String sellerId, String customerId, String messageId,
        List<String> signals, String excerpt, int unansweredMessages, OffsetDateTime detectedAt) {

    public static final String TYPE = "com.kingstonexpress.messaging.escalation-detected.v1";
}
