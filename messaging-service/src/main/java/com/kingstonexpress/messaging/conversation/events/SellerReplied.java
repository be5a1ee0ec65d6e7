package com.kingstonexpress.messaging.conversation.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * data of messaging.seller-replied.v1. {@code responseSeconds} is measured from the oldest customer
 * message the reply answers (null for a follow-up when nothing was waiting).
 */
public record SellerReplied(String orderId, String conversationId, String sellerId, String messageId, boolean firstReply,
        Long responseSeconds, OffsetDateTime repliedAt, List<String> acknowledgedWarnings) {
}
