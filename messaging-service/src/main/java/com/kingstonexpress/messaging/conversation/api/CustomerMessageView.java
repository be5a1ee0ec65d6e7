package com.kingstonexpress.messaging.conversation.api;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.kingstonexpress.messaging.conversation.application.ReceivedMessage;

/** The stored customer message, as the storefront gets it back (the same for every retry). */
public record CustomerMessageView(String messageId, String conversationId, String orderId, String customerId, String body,
        OffsetDateTime receivedAt) {

    static CustomerMessageView of(ReceivedMessage received) {
        var m = received.message();
        return new CustomerMessageView(m.messageId, received.conversation().conversationId, received.conversation().orderId, m.authorId,
                m.body, m.sentAt.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
