package com.kingstonexpress.messaging.conversation.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A customer's message relayed by the storefront; {@code messageId} makes retries safe. */
public record CustomerMessageRequest(
        @NotBlank @Size(max = 100) String messageId,
        @NotBlank @Size(max = 100) String orderId,
        @NotBlank @Size(max = 100) String customerId,
        @NotBlank @Size(max = CustomerMessageRequest.MAX_BODY) String body) {

    /** Customers are not held to the seller's 2,000, but a message is still a message, not a document. */
    public static final int MAX_BODY = 5000;
}
