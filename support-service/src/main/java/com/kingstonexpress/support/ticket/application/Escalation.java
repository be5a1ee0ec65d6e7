package com.kingstonexpress.support.ticket.application;

import java.time.Instant;
import java.util.List;

/** An aggressive customer escalation messaging-service detected on an order's conversation. */
public record Escalation(String orderId, String conversationId, String sellerId, String messageId, List<String> signals,
        String excerpt, Instant detectedAt) {
}
