package com.kingstonexpress.messaging.conversation.domain;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * How quickly a seller reply answered the customer ("Respond within reasonable time").
 *
 * @param firstReply      the seller's first message in the conversation
 * @param responseSeconds seconds since the oldest customer message the reply answers; null when no
 *                        customer message was waiting (a follow-up)
 */
public record ReplyTiming(boolean firstReply, Long responseSeconds) {

    public static ReplyTiming of(boolean firstReply, OffsetDateTime awaitingSince, OffsetDateTime repliedAt) {
        Long seconds = awaitingSince == null ? null : Math.max(0, Duration.between(awaitingSince, repliedAt).toSeconds());
        return new ReplyTiming(firstReply, seconds);
    }
}
