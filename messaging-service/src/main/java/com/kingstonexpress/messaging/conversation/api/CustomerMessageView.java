package com.kingstonexpress.messaging.conversation.api;

import java.time.OffsetDateTime;

/** The stored customer message, as the storefront gets it back (the same for every retry). */
public record CustomerMessageView(String messageId, String conversationId, String orderId, String customerId, String body,
        OffsetDateTime receivedAt) {
}
