package com.kingstonexpress.messaging.conversation.api;

import java.time.OffsetDateTime;

import com.kingstonexpress.messaging.conversation.application.ConversationReads;
import com.kingstonexpress.messaging.conversation.persistence.Conversation;

/** A conversation in a seller's list. */
public record ConversationSummary(String conversationId, String orderId, String customerId, OrderContext order, boolean awaitingReply,
        int waitingMessages, OffsetDateTime awaitingSince, OffsetDateTime openedAt, OffsetDateTime lastMessageAt,
        OffsetDateTime firstReplyAt, Long firstReplySeconds) {

    static ConversationSummary of(ConversationReads.Listed listed) {
        Conversation c = listed.conversation();
        return new ConversationSummary(c.conversationId, c.orderId, c.customerId, OrderContext.of(listed.order()), c.awaitingReply(),
                c.waitingMessages, c.awaitingSince, c.openedAt, c.lastMessageAt, c.firstReplyAt, c.firstReplySeconds);
    }
}
