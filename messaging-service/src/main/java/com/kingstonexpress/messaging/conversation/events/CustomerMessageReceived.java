package com.kingstonexpress.messaging.conversation.events;

import java.time.OffsetDateTime;

import com.kingstonexpress.platform.events.EventType;

/** data of messaging.customer-message-received.v1; order-service raises CUSTOMER_AWAITING_REPLY from it. */
@EventType(CustomerMessageReceived.TYPE)
public record CustomerMessageReceived(String orderId, String conversationId, String sellerId, String customerId, String messageId,
        OffsetDateTime receivedAt, int waitingMessages, OffsetDateTime awaitingSince) {

    public static final String TYPE = "com.kingstonexpress.messaging.customer-message-received.v1";
}
