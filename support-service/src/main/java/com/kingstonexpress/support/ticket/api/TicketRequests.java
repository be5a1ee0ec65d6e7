package com.kingstonexpress.support.ticket.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.kingstonexpress.support.ticket.domain.TicketCategory;
import com.kingstonexpress.support.ticket.domain.TicketStatus;

/** Request bodies of the ticket API. */
public final class TicketRequests {

    static final int MAX_ID = 100;
    static final int MAX_TEXT = 4000;

    private TicketRequests() {
    }

    public record Preflight(@NotBlank @Size(max = MAX_ID) String orderId, @NotNull TicketCategory category) {
    }

    /** "Always include the order ID." */
    public record OpenTicket(@NotBlank @Size(max = MAX_ID) String orderId, @NotNull TicketCategory category,
            @NotBlank @Size(max = MAX_TEXT) String description) {
    }

    /** @param resolution required when resolving: what was done */
    public record ChangeStatus(@NotNull TicketStatus status, @Size(max = MAX_TEXT) String resolution) {
    }

    public record AddComment(@NotBlank @Size(max = MAX_TEXT) String body) {
    }
}
