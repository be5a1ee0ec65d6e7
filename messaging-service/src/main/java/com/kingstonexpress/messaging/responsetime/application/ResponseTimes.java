package com.kingstonexpress.messaging.responsetime.application;

import java.time.OffsetDateTime;

/**
 * How quickly a seller answers customers ("Respond within reasonable time").
 *
 * @param firstReplySeconds time to first reply over the seller's conversations that have one (null when none has)
 * @param messagesWaiting   customer messages without a seller reply after them
 * @param oldestWaiting     the conversation whose customer has waited longest (null when nobody waits)
 */
public record ResponseTimes(String sellerId, long conversations, long conversationsWithFirstReply, Percentiles firstReplySeconds,
        long messagesWaiting, long conversationsAwaitingReply, OldestWaiting oldestWaiting) {

    /** Nearest-rank percentiles, in seconds. */
    public record Percentiles(long p50, long p90, long p99) {
    }

    public record OldestWaiting(String conversationId, String orderId, OffsetDateTime since, long ageSeconds) {
    }
}
