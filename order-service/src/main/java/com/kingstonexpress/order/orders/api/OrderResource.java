package com.kingstonexpress.order.orders.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.order.guard.domain.Decision;
import com.kingstonexpress.order.guard.domain.OrderGuard;
import com.kingstonexpress.order.guard.domain.SellerAction;
import com.kingstonexpress.order.incidents.domain.Slowdown;
import com.kingstonexpress.order.incidents.persistence.Slowdowns;
import com.kingstonexpress.order.orders.application.ConfirmReceipt;
import com.kingstonexpress.order.orders.application.ConfirmReceiptCommand;
import com.kingstonexpress.order.orders.application.OrderReads;
import com.kingstonexpress.order.orders.application.PerformSellerAction;
import com.kingstonexpress.order.orders.application.PlaceOrder;
import com.kingstonexpress.order.orders.application.PlaceOrderCommand;
import com.kingstonexpress.order.orders.domain.ActorKind;
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

    private final OrderGuard guard = new OrderGuard();

    @Inject
    PlaceOrder placeOrder;
    @Inject
    PerformSellerAction performSellerAction;
    @Inject
    ConfirmReceipt confirmReceipt;
    @Inject
    OrderQueries queries;
    @Inject
    Slowdowns slowdowns;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;

    @POST
    @RolesAllowed(Roles.STOREFRONT)
    @Operation(summary = "Place an order (storefront checkout); Idempotency-Key makes retries safe")
    @APIResponse(responseCode = "201", description = "the placed order",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response place(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull CreateOrderRequest body) {
        StoredResponse response = placeOrder.place(body.toCommand(),
                new PlaceOrderCommand.Idempotency(caller.actorId(), idempotencyKey, write(body)),
                placed -> new StoredResponse(201, "/api/v1/orders/" + placed.order().id, write(OrderView.of(placed))));
        return Response.status(response.status()).header("Location", response.location())
                .type(MediaType.APPLICATION_JSON).entity(response.body()).build();
    }

    @GET
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "The seller's own orders, newest first, filtered, with cursor pagination")
    public Page<OrderView> list(@BeanParam OrderFilterParams params, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        Cursors.TimeAndId after = Cursors.timeAndId(cursor);
        OrderFilter filter = new OrderFilter(caller.sellerId(), params.status(), params.type(), params.attention(),
                params.createdFrom(), params.createdTo(), params.text(), after == null ? null : after.at(),
                after == null ? null : after.id(), size);
        Instant now = clock.instant();
        List<Slowdown> active = slowdowns.active(now);
        return Page.keyset(queries.page(filter), size, o -> Cursors.encode(o.createdAt, o.id))
                .map(o -> OrderView.of(o, Slowdowns.covers(active, o, now)));
    }

    /** The list's sort key: the last order shown, newest first. */
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
    @APIResponse(responseCode = "200", description = "the order; ETag carries its version",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response get(@PathParam("orderId") String orderId) {
        OrderEntity order = visible(orderId);
        return Response.ok(OrderView.of(order, slowdowns.covers(order, clock.instant()))).tag(etag(order.version)).build();
    }

    @GET
    @Path("{orderId}/history")
    @RolesAllowed({ Roles.SELLER, Roles.SUPPORT_AGENT })
    @Operation(summary = "The status timeline, oldest first")
    public HistoryView history(@PathParam("orderId") String orderId) {
        visible(orderId);
        // Staff identities are for staff (#12 L5): a seller sees that support acted (SUPPORT_AGENT, as tickets and
        // notifications show it), and why, not which agent.
        boolean staff = caller.isSupportAgent();
        return new HistoryView(orderId, StatusHistoryEntry.of(orderId).stream()
                .map(h -> new HistoryView.Item(h.from, h.to, h.actorKind,
                        staff || h.actorKind != ActorKind.SUPPORT_AGENT ? h.actorId : ActorKind.SUPPORT_AGENT.name(), h.reason,
                        h.eventId, h.sourceEventId, h.at))
                .toList());
    }

    @GET
    @Path("{orderId}/actions")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "What may I do now? Every seller action, refused ones with their rule")
    @APIResponse(responseCode = "200", description = "every seller action",
            content = @Content(schema = @Schema(implementation = ActionsView.class)))
    public Response actions(@PathParam("orderId") String orderId) {
        OrderEntity order = OrderReads.ownedBy(orderId, caller.sellerId());
        var snapshot = order.snapshot(slowdowns.covers(order, clock.instant()));
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
    @APIResponse(responseCode = "200", description = "the updated order",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "409", description = "refused by a rule (ruleId, reason, hint) or a concurrent update")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response perform(@PathParam("orderId") String orderId, @PathParam("action") String action,
            @HeaderParam("If-Match") String ifMatch, @Valid ActionRequest body) {
        SellerAction sellerAction = SellerAction.fromPathName(action)
                .orElseThrow(() -> ProblemException.notFound("Action", action));
        ActionRequest request = body == null ? ActionRequest.EMPTY : body;
        OrderView order = performSellerAction.perform(
                request.toCommand(orderId, sellerAction, IfMatch.version(ifMatch), caller.sellerId(), caller.actorId()), OrderView::of);
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
    @APIResponse(responseCode = "201", description = "recorded; 200 when it was already",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response confirmReceipt(@PathParam("orderId") String orderId, @Valid @NotNull CustomerConfirmationRequest body) {
        Instant confirmedAt = body.confirmedAt() == null ? null : body.confirmedAt().toInstant();
        boolean recorded = confirmReceipt.confirm(new ConfirmReceiptCommand(orderId, body.customerId().trim(), confirmedAt));
        OrderEntity order = OrderReads.existing(orderId);
        return Response.status(recorded ? 201 : 200).header("Location", "/api/v1/orders/" + orderId)
                .entity(OrderView.of(order, slowdowns.covers(order, clock.instant()))).build();
    }

    private OrderEntity visible(String orderId) {
        OrderEntity order = OrderEntity.findWithDetails(orderId);
        if (order == null) {
            throw ProblemException.notFound("Order", orderId);
        }
        caller.requireOwnerOrAgent(order.sellerId, "Order", orderId);
        return order;
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
