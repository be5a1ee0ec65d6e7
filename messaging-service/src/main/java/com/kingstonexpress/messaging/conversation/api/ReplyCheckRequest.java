package com.kingstonexpress.messaging.conversation.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A reply to check. Empty and over-long replies are findings (MSG_EMPTY, MSG_TOO_LONG), not input
 * errors; only a missing body or one far beyond any reply is a 400.
 */
public record ReplyCheckRequest(@NotNull @Size(max = ReplyRequest.MAX_SUBMITTED) String body) {
}
