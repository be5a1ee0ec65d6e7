package com.kingstonexpress.support.ticket.api;

import java.time.Instant;
import java.util.List;

import com.kingstonexpress.support.ticket.persistence.TimelineEntry;

/** Response bodies of the ticket API (never the JPA entities themselves). */
public final class TicketViews {

    private TicketViews() {
    }

    /** @param ticketAllowed false only when creating a ticket with this category would be refused */
    public record PreflightAnswer(String recommendation, String reason, String ruleId, boolean ticketAllowed) {
    }

    public record Actor(String kind, String id) {
    }

    /** The order as this service knew it when the ticket was opened (null members: not known yet). */
    public record OrderSnapshot(String type, String status, List<String> attention) {
    }

    public record Comment(String commentId, String ticketId, String authorKind, String authorId, String body, Instant createdAt) {
    }

    public record Correction(String eventId, String from, String to, String actorId, String reason, Instant changedAt) {
    }

    public record TicketDetail(String ticketId, String orderId, String sellerId, String category, String priority,
            String status, String description, Actor openedBy, String assignee, String resolution, Instant createdAt,
            Instant updatedAt, Instant resolvedAt, Instant closedAt, Instant reopenableUntil, OrderSnapshot order,
            List<TimelineEntry> timelineSnapshot, List<Comment> comments, List<Correction> corrections) {
    }

    public record TicketSummary(String ticketId, String orderId, String sellerId, String category, String priority,
            String status, String assignee, Instant createdAt, Instant updatedAt) {
    }
}
