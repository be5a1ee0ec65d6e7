package com.kingstonexpress.messaging.conversation.api;

import java.time.OffsetDateTime;
import java.util.List;

import com.kingstonexpress.messaging.conversation.application.ConversationReads;
import com.kingstonexpress.messaging.conversation.persistence.Conversation;
import com.kingstonexpress.messaging.incident.persistence.PlatformIncident;

/** A conversation with its messages (oldest first), the order context and any delivery slowdown covering the order. */
public record ConversationDetail(String conversationId, String orderId, String sellerId, String customerId, OrderContext order,
        boolean awaitingReply, int waitingMessages, OffsetDateTime awaitingSince, OffsetDateTime openedAt,
        OffsetDateTime firstReplyAt, Long firstReplySeconds, List<MessageView> messages, List<SlowdownNote> activeSlowdowns) {

    /** A platform-wide delivery slowdown covering the order, with what customers are told about it. */
    public record SlowdownNote(String incidentId, String customerNote, OffsetDateTime startsAt, OffsetDateTime endsAt) {

        static SlowdownNote of(PlatformIncident i) {
            return new SlowdownNote(i.incidentId, i.customerNote, i.startsAt, i.endsAt);
        }
    }

    static ConversationDetail of(ConversationReads.Detail detail) {
        Conversation c = detail.conversation();
        return new ConversationDetail(c.conversationId, c.orderId, c.sellerId, c.customerId, OrderContext.of(detail.order()),
                c.awaitingReply(), c.waitingMessages, c.awaitingSince, c.openedAt, c.firstReplyAt, c.firstReplySeconds,
                detail.messages().stream().map(MessageView::of).toList(), detail.slowdowns().stream().map(SlowdownNote::of).toList());
    }
}
