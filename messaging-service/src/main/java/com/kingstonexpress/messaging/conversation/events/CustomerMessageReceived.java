package com.kingstonexpress.messaging.conversation.events;

import java.time.OffsetDateTime;

/** data of messaging.customer-message-received.v1; order-service raises CUSTOMER_AWAITING_REPLY from it. */
public record CustomerMessageReceived(String orderId, String conversationId, String sellerId, String customerId, String messageId,
        OffsetDateTime receivedAt, int waitingMessages, OffsetDateTime awaitingSince) {
}
