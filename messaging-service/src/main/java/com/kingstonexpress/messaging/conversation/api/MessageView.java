package com.kingstonexpress.messaging.conversation.api;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.kingstonexpress.messaging.conversation.domain.AuthorKind;
import com.kingstonexpress.messaging.conversation.persistence.Message;

/**
 * A message as a seller sees it: seller messages carry the warnings the seller acknowledged when
 * sending, customer messages the escalation signals found in them.
 */
public record MessageView(String messageId, String conversationId, AuthorKind authorKind, String authorId, String body,
        OffsetDateTime sentAt, List<String> acknowledgedWarnings, List<String> escalationSignals) {

    static MessageView of(Message m) {
        return new MessageView(m.messageId, m.conversationId, m.authorKind, m.authorId, m.body,
                m.sentAt.withOffsetSameInstant(ZoneOffset.UTC), m.acknowledgedWarnings(), m.escalationSignals());
    }
}
