package com.kingstonexpress.messaging.conversation.application;

/** A customer's message relayed by the storefront; {@code messageId} makes retries safe. */
public record CustomerMessage(String messageId, String orderId, String customerId, String body) {
}
