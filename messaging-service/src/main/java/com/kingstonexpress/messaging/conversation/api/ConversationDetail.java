package com.kingstonexpress.messaging.conversation.api;

import java.time.OffsetDateTime;
import java.util.List;

import com.kingstonexpress.messaging.conversation.persistence.Conversation;

/** A conversation with its messages (oldest first), the order context and any delivery slowdown covering the order. */
public record ConversationDetail(String conversationId, String orderId, String sellerId, String customerId, OrderContext order,
        boolean awaitingReply, int waitingMessages, OffsetDateTime awaitingSince, OffsetDateTime openedAt,
        OffsetDateTime firstReplyAt, Long firstReplySeconds, List<MessageView> messages, List<SlowdownNote> activeSlowdowns) {

    /** A platform-wide delivery slowdown covering the order, with what customers are told about it. */
    public record SlowdownNote(String incidentId, String customerNote, OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    static ConversationDetail of(Conversation c, OrderContext order, List<MessageView> messages, List<SlowdownNote> slowdowns) {
        return new ConversationDetail(c.conversationId, c.orderId, c.sellerId, c.customerId, order, c.awaitingReply(), c.waitingMessages,
                c.awaitingSince, c.openedAt, c.firstReplyAt, c.firstReplySeconds, messages, slowdowns);
    }
}
