package com.kingstonexpress.gateway.dashboard.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The seller's day at a glance ("Check your dashboard daily"). Every section has a {@code status}:
 * {@code ok}, or {@code unavailable} with the {@code service} that could not answer, so one service down
 * never hides the others.
 */
@Schema(name = "Dashboard")
public record DashboardView(
        String sellerId,
        Instant generatedAt,
        @Schema(description = "The seller's NEW orders, newest first (order-service).") ListSection newOrders,
        @Schema(description = "Orders with attention flags; each item's attention[] carries {flag, advice}, the advice depending on the order type.") ListSection needsAttention,
        @Schema(description = "Conversations awaiting the seller's reply, and response times (messaging-service).") MessagesSection unansweredMessages,
        @Schema(description = "The seller's tickets not yet resolved: OPEN, IN_PROGRESS, WAITING_ON_SELLER (support-service).") ListSection openTickets,
        @Schema(description = "Platform delivery slowdowns in force (fulfillment-service).") ListSection activeIncidents,
        @Schema(description = "Order counts by status and type, and orders needing attention by flag (order-service).") SummarySection summary) {

    public static final String OK = "ok";
    public static final String UNAVAILABLE = "unavailable";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListSection(
            @Schema(enumeration = { OK, UNAVAILABLE }) String status,
            @Schema(description = "The service that could not answer (unavailable only).") String service,
            @Schema(description = "Why it could not answer (unavailable only).") String reason,
            List<JsonNode> items) {

        static ListSection ok(List<JsonNode> items) {
            return new ListSection(OK, null, null, items);
        }

        static ListSection unavailable(Unavailable why) {
            return new ListSection(UNAVAILABLE, why.service(), why.reason(), null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MessagesSection(
            @Schema(enumeration = { OK, UNAVAILABLE }) String status,
            String service,
            String reason,
            List<JsonNode> items,
            @Schema(description = "First-reply percentiles, waiting messages, oldest waiting (GET /api/v1/messaging/response-times).") JsonNode responseTimes) {

        static MessagesSection ok(List<JsonNode> items, JsonNode responseTimes) {
            return new MessagesSection(OK, null, null, items, responseTimes);
        }

        static MessagesSection unavailable(Unavailable why) {
            return new MessagesSection(UNAVAILABLE, why.service(), why.reason(), null, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SummarySection(
            @Schema(enumeration = { OK, UNAVAILABLE }) String status,
            String service,
            String reason,
            @Schema(description = "order-service's GET /api/v1/orders/summary, as it answered.") JsonNode orders) {

        static SummarySection ok(JsonNode orders) {
            return new SummarySection(OK, null, null, orders);
        }

        static SummarySection unavailable(Unavailable why) {
            return new SummarySection(UNAVAILABLE, why.service(), why.reason(), null);
        }
    }

    /** Which service a section is missing and why, in words a seller may see. */
    public record Unavailable(String service, String reason) {
    }
}
