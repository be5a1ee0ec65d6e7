package com.kingstonexpress.messaging.conversation.events;

import java.time.OffsetDateTime;
import java.util.List;

import com.kingstonexpress.platform.events.EventType;

/**
 * data of messaging.seller-replied.v1. {@code responseSeconds} is measured from the oldest customer
 * message the reply answers (null for a follow-up when nothing was waiting).
 */
@EventType(SellerReplied.TYPE)
public record SellerReplied(String orderId, String conversationId, String sellerId, String messageId, boolean firstReply,
        Long responseSeconds, OffsetDateTime repliedAt, List<String> acknowledgedWarnings) {

    public static final String TYPE = "com.kingstonexpress.messaging.seller-replied.v1";
}
