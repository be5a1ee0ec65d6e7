package com.kingstonexpress.order.orders.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.kingstonexpress.order.guard.domain.Decision;
import com.kingstonexpress.order.guard.domain.OrderGuard;
import com.kingstonexpress.order.guard.domain.SellerAction;
import com.kingstonexpress.order.incidents.persistence.Slowdowns;
import com.kingstonexpress.order.incidents.domain.Slowdown;
import com.kingstonexpress.order.orders.application.Clock;
import com.kingstonexpress.order.orders.application.OrderCommands;
import com.kingstonexpress.order.orders.application.OrderReads;
import com.kingstonexpress.order.orders.domain.ActorKind;
import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;
import com.kingstonexpress.order.orders.persistence.OrderEntity;
import com.kingstonexpress.order.orders.persistence.OrderFilter;
import com.kingstonexpress.order.orders.persistence.OrderQueries;
import com.kingstonexpress.order.orders.persistence.StatusHistoryEntry;
import com.kingstonexpress.platform.idempotency.IdempotencyKeys;
import com.kingstonexpress.platform.idempotency.IdempotencyKeys.StoredResponse;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.security.Caller;
import com.kingstonexpress.platform.security.Roles;
import com.kingstonexpress.platform.web.Cursors;
import com.kingstonexpress.platform.web.Page;

@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final int MAX_QUERY_LENGTH = 100;
    private static final Instant END_OF_YEAR_9999 = LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private final OrderGuard guard = new OrderGuard();

    @Inject
    OrderCommands commands;
    @Inject
    OrderQueries queries;
    @Inject
    Slowdowns slowdowns;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.STOREFRONT)
    @Operation(summary = "Place an order (storefront checkout); Idempotency-Key makes retries safe")
    @APIResponse(responseCode = "201", description = "the placed order", content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response place(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull CreateOrderRequest body) {
        StoredResponse response = commands.place(body, caller.actorId(), idempotencyKey);
        return Response.status(response.status()).header("Location", response.location())
                .type(MediaType.APPLICATION_JSON).entity(response.body()).build();
    }

    @GET
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "The seller's own orders, newest first, filtered, with cursor pagination")
    public Page<OrderView> list(@QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("attention") String attention, @QueryParam("createdFrom") String createdFrom,
            @QueryParam("createdTo") String createdTo, @QueryParam("q") String q, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        Instant afterCreatedAt = null;
        String afterOrderId = null;
        if (cursor != null && !cursor.isBlank()) {
            List<String> parts = Cursors.decode(cursor, 2);
            afterCreatedAt = instant("cursor", parts.get(0), false);
            afterOrderId = parts.get(1);
        }
        String text = q == null || q.isBlank() ? null : q.trim();
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.badRequest("q must be at most " + MAX_QUERY_LENGTH + " characters.");
        }
        OrderFilter filter = new OrderFilter(caller.sellerId(), enumParam("status", status, OrderStatus::valueOf),
                enumParam("type", type, OrderType::valueOf), enumParam("attention", attention, AttentionFlag::valueOf),
                instant("createdFrom", createdFrom, false), instant("createdTo", createdTo, true), text, afterCreatedAt,
                afterOrderId, size);
        List<OrderEntity> found = queries.page(filter);
        Instant now = Clock.now();
        List<Slowdown> active = slowdowns.active(now);
        List<OrderView> items = found.stream().limit(size)
                .map(o -> OrderView.of(o, Slowdowns.covers(active, o, now))).toList();
        String next = null;
        if (found.size() > size) {
            OrderView last = items.get(items.size() - 1);
            next = Cursors.encode(last.createdAt().toString(), last.orderId());
        }
        return new Page<>(items, next);
    }

    @GET
    @Path("summary")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Dashboard counts: by status, by type, orders needing attention by flag")
    public SummaryView summary() {
        OrderQueries.Counts counts = queries.summary(caller.sellerId());
        long total = counts.byStatus().values().stream().mapToLong(Long::longValue).sum();
        return new SummaryView(total, counts.byStatus(), counts.byType(), counts.byFlag(), counts.needingAttention());
    }

    @GET
    @Path("{orderId}")
    @RolesAllowed({ Roles.SELLER, Roles.SUPPORT_AGENT })
    @Operation(summary = "One order (the seller's own, or any for a support agent)")
    @APIResponse(responseCode = "200", description = "the order; ETag carries its version", content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response get(@PathParam("orderId") String orderId) {
        OrderEntity order = visible(orderId);
        return Response.ok(OrderView.of(order, slowdowns.covers(order, Clock.now()))).tag(etag(order.version)).build();
    }

    @GET
    @Path("{orderId}/history")
    @RolesAllowed({ Roles.SELLER, Roles.SUPPORT_AGENT })
    @Operation(summary = "The status timeline, oldest first")
    public HistoryView history(@PathParam("orderId") String orderId) {
        visible(orderId);
        return new HistoryView(orderId, StatusHistoryEntry.of(orderId).stream()
                .map(h -> new HistoryView.Item(h.from, h.to, h.actorKind, h.actorId, h.reason, h.eventId, h.sourceEventId, h.at))
                .toList());
    }

    @GET
    @Path("{orderId}/actions")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "What may I do now? Every seller action, refused ones with their rule")
    @APIResponse(responseCode = "200", description = "every seller action", content = @Content(schema = @Schema(implementation = ActionsView.class)))
    public Response actions(@PathParam("orderId") String orderId) {
        OrderEntity order = OrderReads.ownedBy(orderId, caller.sellerId());
        var snapshot = OrderCommands.snapshot(order, slowdowns.covers(order, Clock.now()));
        List<ActionsView.Action> actions = guard.options(snapshot, ActorKind.SELLER).stream().map(option -> {
            if (option.decision() instanceof Decision.Refused r) {
                return new ActionsView.Action(option.action().pathName(), false, r.rule().name(), r.reason(), r.hint());
            }
            return new ActionsView.Action(option.action().pathName(), true, null, null, null);
        }).toList();
        return Response.ok(new ActionsView(orderId, order.version, actions)).tag(etag(order.version)).build();
    }

    @POST
    @Path("{orderId}/actions/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Perform a seller action; If-Match with the version; 409 with ruleId when the guard refuses")
    @APIResponse(responseCode = "200", description = "the updated order", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "409", description = "refused by a rule (ruleId, reason, hint) or a concurrent update")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response perform(@PathParam("orderId") String orderId, @PathParam("action") String action,
            @HeaderParam("If-Match") String ifMatch, @Valid ActionRequest body) {
        SellerAction sellerAction = SellerAction.fromPathName(action)
                .orElseThrow(() -> ProblemException.notFound("Action", action));
        OrderView order = commands.perform(orderId, sellerAction, IfMatch.version(ifMatch), body == null ? ActionRequest.EMPTY : body,
                caller.sellerId(), caller.actorId());
        return Response.ok(order).tag(etag(order.version())).build();
    }

    /**
     * The same, posted with an empty body of any type: most actions take nothing, and clients need not invent an
     * empty JSON object. A body that is not JSON is 415.
     */
    @POST
    @Path("{orderId}/actions/{action}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.SELLER)
    @Operation(hidden = true)
    public Response performWithoutBody(@PathParam("orderId") String orderId, @PathParam("action") String action,
            @HeaderParam("If-Match") String ifMatch, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength) {
        if (contentLength == null || !contentLength.trim().equals("0")) {
            throw new WebApplicationException(Response.Status.UNSUPPORTED_MEDIA_TYPE);
        }
        return perform(orderId, action, ifMatch, null);
    }

    @POST
    @Path("{orderId}/customer-confirmations")
    @RolesAllowed(Roles.STOREFRONT)
    @Operation(summary = "The customer confirms receipt (delivery evidence)")
    @APIResponse(responseCode = "201", description = "recorded; 200 when it was already", content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response confirmReceipt(@PathParam("orderId") String orderId, @Valid @NotNull CustomerConfirmationRequest body) {
        Instant confirmedAt = body.confirmedAt() == null ? Clock.now() : body.confirmedAt().toInstant();
        boolean recorded = commands.confirmReceipt(orderId, body.customerId().trim(), confirmedAt);
        OrderEntity order = OrderReads.existing(orderId);
        return Response.status(recorded ? 201 : 200).header("Location", "/api/v1/orders/" + orderId)
                .entity(OrderView.of(order, slowdowns.covers(order, Clock.now()))).build();
    }

    private OrderEntity visible(String orderId) {
        OrderEntity order = OrderEntity.findById(orderId);
        if (order == null) {
            throw ProblemException.notFound("Order", orderId);
        }
        caller.requireOwnerOrAgent(order.sellerId, "Order", orderId);
        return order;
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    private static <E extends Enum<E>> E enumParam(String name, String value, Function<String, E> parse) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name + " has a value that is not allowed: " + value + ".");
        }
    }

    /**
     * ISO-8601 instants ({@code 2026-01-31T10:00:00Z}, with any offset) or dates; a date as an upper bound means
     * "through that day". Years 1970 to 9999 only: the database's timestamps hold no more.
     */
    private static Instant instant(String name, String value, boolean upperBound) {
        Instant instant = parseInstant(name, value, upperBound);
        if (instant != null && (instant.isBefore(Instant.EPOCH) || !instant.isBefore(END_OF_YEAR_9999))) {
            throw ProblemException.badRequest(name + " must be between 1970 and 9999.");
        }
        return instant;
    }

    private static Instant parseInstant(String name, String value, boolean upperBound) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate day = LocalDate.parse(value.trim());
                return (upperBound ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw ProblemException.badRequest(name + " must be an ISO-8601 date or date-time.");
            }
        }
    }
}
