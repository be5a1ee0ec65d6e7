package com.kingstonexpress.messaging.conversation.application;

import com.kingstonexpress.messaging.conversation.persistence.Conversation;
import com.kingstonexpress.messaging.conversation.persistence.Message;

/** A stored customer message and the conversation it is in (the same answer for every retry). */
public record ReceivedMessage(Message message, Conversation conversation) {
}
