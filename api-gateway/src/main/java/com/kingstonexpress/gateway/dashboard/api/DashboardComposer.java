package com.kingstonexpress.gateway.dashboard.api;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.gateway.config.GatewayConfig;
import com.kingstonexpress.gateway.dashboard.api.DashboardView.ListSection;
import com.kingstonexpress.gateway.dashboard.api.DashboardView.MessagesSection;
import com.kingstonexpress.gateway.dashboard.api.DashboardView.SummarySection;
import com.kingstonexpress.gateway.dashboard.api.DashboardView.Unavailable;
import com.kingstonexpress.gateway.routing.api.Downstreams;
import com.kingstonexpress.gateway.routing.policy.Downstream;
import com.kingstonexpress.gateway.routing.policy.Lane;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;

/**
 * Asks the services for the dashboard's sections all at once, with the caller's own token (every service
 * applies its own ownership rules), and turns each failure into an {@code unavailable} section.
 */
@ApplicationScoped
public class DashboardComposer {

    static final int SECTION_SIZE = 10;
    /** The attention flags a seller acts on (shared names); order-service filters its list by one flag. */
    static final List<String> ATTENTION_FLAGS = List.of("ADDRESS_ISSUE", "DELIVERY_ATTEMPT_FAILED", "CUSTOMS_HOLD",
            "STATUS_NOT_UPDATING", "CUSTOMER_AWAITING_REPLY");
    /** Ticket statuses that still need someone (docs/design/DOMAIN.md lifecycle, before RESOLVED); support-service takes a list. */
    static final List<String> OPEN_TICKET_STATUSES = List.of("OPEN", "IN_PROGRESS", "WAITING_ON_SELLER");

    @Inject
    Downstreams downstreams;
    @Inject
    GatewayConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    public Future<DashboardView> compose(String sellerId, MultiMap callerHeaders) {
        Future<ListSection> newOrders = items(Downstream.ORDER, "/api/v1/orders?status=NEW&limit=" + SECTION_SIZE, callerHeaders)
                .map(ListSection::ok).otherwise(t -> ListSection.unavailable(why(t)));

        List<Future<List<JsonNode>>> attentionLists = new ArrayList<>();
        for (String flag : ATTENTION_FLAGS) {
            attentionLists.add(items(Downstream.ORDER, "/api/v1/orders?attention=" + flag + "&limit=" + SECTION_SIZE, callerHeaders));
        }
        Future<ListSection> needsAttention = Future.all(attentionLists)
                .map(all -> ListSection.ok(distinctBy("orderId", attentionLists)))
                .otherwise(t -> ListSection.unavailable(why(t)));

        Future<List<JsonNode>> awaitingReply = items(Downstream.MESSAGING,
                "/api/v1/conversations?awaitingReply=true&limit=" + SECTION_SIZE, callerHeaders);
        Future<JsonNode> responseTimes = document(Downstream.MESSAGING, "/api/v1/messaging/response-times", callerHeaders);
        Future<MessagesSection> unansweredMessages = Future.all(awaitingReply, responseTimes)
                .map(all -> MessagesSection.ok(awaitingReply.result(), responseTimes.result()))
                .otherwise(t -> MessagesSection.unavailable(why(t)));

        Future<ListSection> openTickets = items(Downstream.SUPPORT,
                "/api/v1/tickets?status=" + String.join(",", OPEN_TICKET_STATUSES) + "&limit=" + SECTION_SIZE, callerHeaders)
                .map(ListSection::ok).otherwise(t -> ListSection.unavailable(why(t)));

        Future<ListSection> activeIncidents = items(Downstream.FULFILLMENT, "/api/v1/platform/incidents", callerHeaders)
                .map(ListSection::ok).otherwise(t -> ListSection.unavailable(why(t)));

        Future<SummarySection> summary = document(Downstream.ORDER, "/api/v1/orders/summary", callerHeaders)
                .map(SummarySection::ok).otherwise(t -> SummarySection.unavailable(why(t)));

        return Future.all(List.of(newOrders, needsAttention, unansweredMessages, openTickets, activeIncidents, summary))
                .map(all -> new DashboardView(sellerId, clock.instant(), newOrders.result(), needsAttention.result(),
                        unansweredMessages.result(), openTickets.result(), activeIncidents.result(), summary.result()));
    }

    /** A list answer: {@code {items, nextCursor}} as docs/design/API.md lists are, or a bare array. */
    private Future<List<JsonNode>> items(Downstream service, String uri, MultiMap headers) {
        return document(service, uri, headers).map(node -> {
            JsonNode items = node.isArray() ? node : node.path("items");
            List<JsonNode> list = new ArrayList<>();
            items.forEach(list::add);
            return list;
        });
    }

    private Future<JsonNode> document(Downstream service, String uri, MultiMap headers) {
        Duration timeout = config.dashboard().timeout();
        return downstreams.get(Lane.DASHBOARD, service, uri, headers, timeout).map(answer -> {
            if (!answer.ok()) {
                throw new SectionFailure(service, "answered " + answer.status());
            }
            try {
                return json.readTree(answer.body().getBytes());
            } catch (IOException e) {
                throw new SectionFailure(service, "answered something that is not JSON");
            }
        });
    }

    private static List<JsonNode> distinctBy(String idField, List<Future<List<JsonNode>>> lists) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (Future<List<JsonNode>> list : lists) {
            for (JsonNode item : list.result()) {
                byId.putIfAbsent(item.path(idField).asText(String.valueOf(byId.size())), item);
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static Unavailable why(Throwable t) {
        if (t instanceof Downstreams.ServiceUnavailable down) {
            return new Unavailable(down.service().serviceName(), "not reachable or too slow");
        }
        if (t instanceof SectionFailure failure) {
            return new Unavailable(failure.service.serviceName(), failure.getMessage());
        }
        return new Unavailable(null, "could not be composed");
    }

    private static final class SectionFailure extends RuntimeException {
        private final transient Downstream service;

        SectionFailure(Downstream service, String reason) {
            super(reason, null, false, false);
            this.service = service;
        }
    }
}
