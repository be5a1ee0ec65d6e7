package com.kingstonexpress.messaging.conversation.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A seller's reply; {@code acknowledgedWarnings} lists the WARN rule ids the seller sends despite. */
public record ReplyRequest(
        @NotNull @Size(max = MAX_SUBMITTED) String body,
        @Size(max = 10) List<@NotBlank @Size(max = 50) String> acknowledgedWarnings) {

    /** Beyond this a body is not a reply that is too long but bad input (MSG_TOO_LONG covers 2,000 to this). */
    public static final int MAX_SUBMITTED = 20_000;
}
