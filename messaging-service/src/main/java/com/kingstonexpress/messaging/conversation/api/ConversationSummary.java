package com.kingstonexpress.messaging.conversation.api;

import java.time.OffsetDateTime;

import com.kingstonexpress.messaging.conversation.persistence.Conversation;

/** A conversation in a seller's list. */
public record ConversationSummary(String conversationId, String orderId, String customerId, OrderContext order, boolean awaitingReply,
        int waitingMessages, OffsetDateTime awaitingSince, OffsetDateTime openedAt, OffsetDateTime lastMessageAt,
        OffsetDateTime firstReplyAt, Long firstReplySeconds) {

    static ConversationSummary of(Conversation c, OrderContext order) {
        return new ConversationSummary(c.conversationId, c.orderId, c.customerId, order, c.awaitingReply(), c.waitingMessages,
                c.awaitingSince, c.openedAt, c.lastMessageAt, c.firstReplyAt, c.firstReplySeconds);
    }
}
