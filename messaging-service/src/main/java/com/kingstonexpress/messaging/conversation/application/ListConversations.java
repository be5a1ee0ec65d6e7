package com.kingstonexpress.messaging.conversation.application;

/**
 * Which of a seller's conversations to list: {@code orderId} and {@code awaitingReply} narrow when given; the
 * {@code cursor} of the previous page, if any, and at most {@code limit} items.
 */
public record ListConversations(String sellerId, String orderId, Boolean awaitingReply, String cursor, int limit) {
}
