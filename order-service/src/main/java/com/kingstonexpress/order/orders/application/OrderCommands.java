package com.kingstonexpress.order.orders.application;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.order.guard.domain.ActionInput;
import com.kingstonexpress.order.guard.domain.Decision;
import com.kingstonexpress.order.guard.domain.OrderGuard;
import com.kingstonexpress.order.guard.domain.OrderSnapshot;
import com.kingstonexpress.order.guard.domain.Rule;
import com.kingstonexpress.order.guard.domain.SellerAction;
import com.kingstonexpress.order.incidents.persistence.Slowdowns;
import com.kingstonexpress.order.orders.api.ActionRequest;
import com.kingstonexpress.order.orders.api.CreateOrderRequest;
import com.kingstonexpress.order.orders.api.OrderView;
import com.kingstonexpress.order.orders.domain.ActorKind;
import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.EvidenceKind;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;
import com.kingstonexpress.order.orders.domain.ShippingMethod;
import com.kingstonexpress.order.orders.events.OrderEvents;
import com.kingstonexpress.order.orders.persistence.DeliveryAddress;
import com.kingstonexpress.order.orders.persistence.DeliveryEvidence;
import com.kingstonexpress.order.orders.persistence.OrderEntity;
import com.kingstonexpress.order.orders.persistence.OrderLine;
import com.kingstonexpress.platform.idempotency.IdempotencyKeys;
import com.kingstonexpress.platform.idempotency.IdempotencyKeys.StoredResponse;
import com.kingstonexpress.platform.outbox.Outbox;
import com.kingstonexpress.platform.problem.Problem;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.problem.RuleRefusalException;

/** Everything that writes an order on behalf of a caller: the storefront, the seller, a support agent. */
@ApplicationScoped
public class OrderCommands {

    private final OrderGuard guard = new OrderGuard();

    @Inject
    OrderLifecycle lifecycle;
    @Inject
    Outbox outbox;
    @Inject
    Slowdowns slowdowns;
    @Inject
    IdempotencyKeys idempotencyKeys;
    @Inject
    ObjectMapper json;

    /**
     * Places an order. With an {@code Idempotency-Key}, a retry with the same body gets the first response;
     * the same key with another body is 422.
     */
    @Transactional
    public StoredResponse place(CreateOrderRequest request, String idempotencyScope, String idempotencyKey) {
        requireCenterOnlyWhenDispatched(request);
        if (idempotencyKey != null) {
            Optional<StoredResponse> first = idempotencyKeys.claim(idempotencyScope, idempotencyKey, write(request));
            if (first.isPresent()) {
                return first.get();
            }
        }
        OrderEntity order = newOrder(request);
        order.persist();
        outbox.append(OrderEvents.TOPIC, OrderEvents.PLACED, order.id, placed(order));
        if (addressNeedsReview(order)) {
            lifecycle.raise(order, AttentionFlag.ADDRESS_ISSUE);
        }
        OrderEntity.flush();
        StoredResponse response = new StoredResponse(201, "/api/v1/orders/" + order.id,
                write(OrderView.of(order, slowdowns.covers(order, Clock.now()))));
        if (idempotencyKey != null) {
            idempotencyKeys.complete(idempotencyScope, idempotencyKey, response);
        }
        return response;
    }

    /** Performs one seller action on the seller's own order, if the guard allows it. */
    @Transactional
    public OrderView perform(String orderId, SellerAction action, Long expectedVersion, ActionRequest body, String sellerId,
            String actorId) {
        OrderEntity order = OrderReads.ownedBy(orderId, sellerId);
        requireVersion(order, expectedVersion);
        boolean covered = slowdowns.covers(order, Clock.now());
        Decision decision = guard.decide(snapshot(order, covered), ActorKind.SELLER, action,
                new ActionInput(body.bringsTracking(), body.bringsProofOfDelivery()));
        if (decision instanceof Decision.Refused refused) {
            throw new RuleRefusalException(refused.rule().name(), refused.reason(), refused.hint());
        }
        switch (action) {
            case START_PROCESSING -> lifecycle.changeStatus(order, OrderStatus.PROCESSING, ActorKind.SELLER, actorId, null, null);
            case CONFIRM_ADDRESS -> confirmAddress(order);
            case ADD_TRACKING -> {
                requireTracking(body);
                lifecycle.setTracking(order, body.carrier().trim(), body.trackingNumber().trim());
            }
            case MARK_SHIPPED -> {
                if (ActionRequest.present(body.carrier()) || ActionRequest.present(body.trackingNumber())) {
                    requireTracking(body);
                    lifecycle.setTracking(order, body.carrier().trim(), body.trackingNumber().trim());
                }
                lifecycle.changeStatus(order, OrderStatus.SHIPPED, ActorKind.SELLER, actorId, null, null);
            }
            case MARK_IN_TRANSIT -> lifecycle.changeStatus(order, OrderStatus.IN_TRANSIT, ActorKind.SELLER, actorId, null, null);
            case MARK_DELIVERED -> markDelivered(order, body, actorId);
            case CANCEL -> lifecycle.changeStatus(order, OrderStatus.CANCELLED, ActorKind.SELLER, actorId, requireReason(body), null);
            case REFUND -> outbox.append(OrderEvents.TOPIC, OrderEvents.REFUND_REQUESTED, order.id,
                    new OrderEvents.RemedyRequested(order.id, order.sellerId, requireReason(body), Clock.now()));
            case RESEND -> outbox.append(OrderEvents.TOPIC, OrderEvents.RESEND_REQUESTED, order.id,
                    new OrderEvents.RemedyRequested(order.id, order.sellerId, requireReason(body), Clock.now()));
        }
        // Flush now so that a concurrent writer surfaces as an optimistic-lock conflict (409), not at commit.
        OrderEntity.flush();
        return OrderView.of(order, covered);
    }

    /** "Support agents may correct any status with a mandatory reason; it is recorded as such." */
    @Transactional
    public OrderView correct(String orderId, OrderStatus target, String reason, Long expectedVersion, String agentId) {
        OrderEntity order = OrderReads.existing(orderId);
        requireVersion(order, expectedVersion);
        boolean covered = slowdowns.covers(order, Clock.now());
        Decision decision = guard.decideCorrection(snapshot(order, covered), ActorKind.SUPPORT_AGENT, target);
        if (decision instanceof Decision.Refused refused) {
            throw new RuleRefusalException(refused.rule().name(), refused.reason(), refused.hint());
        }
        lifecycle.changeStatus(order, target, ActorKind.SUPPORT_AGENT, agentId, reason.trim(), null);
        OrderEntity.flush();
        return OrderView.of(order, covered);
    }

    /**
     * The customer confirms receipt: delivery evidence the seller of a seller-managed order needs before marking
     * it delivered. A repeated confirmation changes nothing.
     *
     * @return true when this confirmation was recorded now
     */
    @Transactional
    public boolean confirmReceipt(String orderId, String customerId, Instant confirmedAt) {
        OrderEntity order = OrderReads.existing(orderId);
        if (!order.customerId.equals(customerId)) {
            throw ProblemException.unprocessable("Order " + orderId + " was not placed by customer " + customerId + ".");
        }
        if (order.status == OrderStatus.CANCELLED) {
            throw new RuleRefusalException(Rule.ORDER_TERMINAL.name(), "The order is CANCELLED; there is no delivery to confirm.",
                    "Contact the seller about the order.");
        }
        if (!order.status.hasShipped()) {
            // A receipt before anything left is not evidence of delivery ("Never mark delivered without confirmation").
            throw new RuleRefusalException(Rule.NOTHING_SHIPPED_YET.name(), "The order has not shipped yet, so its receipt cannot be confirmed.",
                    "Confirm receipt once the parcel has arrived.");
        }
        if (order.hasEvidence(EvidenceKind.CUSTOMER_CONFIRMATION)) {
            return false;
        }
        order.evidence.add(DeliveryEvidence.of(EvidenceKind.CUSTOMER_CONFIRMATION, customerId, confirmedAt));
        lifecycle.touch(order, Clock.now());
        OrderEntity.flush();
        return true;
    }

    public static OrderSnapshot snapshot(OrderEntity order, boolean coveredBySlowdown) {
        return new OrderSnapshot(order.type, order.status, order.conditions(coveredBySlowdown), order.shippingMethod,
                order.addressConfirmed(), order.hasTracking(), !order.evidence.isEmpty());
    }

    private void confirmAddress(OrderEntity order) {
        Instant now = Clock.now();
        order.addressConfirmedAt = now;
        lifecycle.touch(order, now);
        lifecycle.clear(order, AttentionFlag.ADDRESS_ISSUE);
        outbox.append(OrderEvents.TOPIC, OrderEvents.ADDRESS_CONFIRMED, order.id,
                new OrderEvents.AddressConfirmed(order.id, order.sellerId, now));
    }

    private void markDelivered(OrderEntity order, ActionRequest body, String actorId) {
        if (body.evidence() != null) {
            if (!body.bringsProofOfDelivery()) {
                throw invalid("evidence", "must be {kind: PROOF_OF_DELIVERY, reference} with a reference");
            }
            order.evidence.add(DeliveryEvidence.of(EvidenceKind.PROOF_OF_DELIVERY, body.evidence().reference().trim(), Clock.now()));
        }
        lifecycle.changeStatus(order, OrderStatus.DELIVERED, ActorKind.SELLER, actorId, null, null);
        lifecycle.clear(order, AttentionFlag.DELIVERY_ATTEMPT_FAILED);
        lifecycle.clear(order, AttentionFlag.CUSTOMS_HOLD);
    }

    private static void requireVersion(OrderEntity order, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != order.version) {
            throw new ProblemException(new Problem(412, "precondition-failed", "Precondition failed",
                    "The order changed since you loaded it (now version " + order.version + "). Reload it and try again.")
                    .with("currentVersion", order.version));
        }
    }

    private static void requireTracking(ActionRequest body) {
        if (!body.bringsTracking()) {
            throw invalid(ActionRequest.present(body.carrier()) ? "trackingNumber" : "carrier", "must not be blank");
        }
    }

    private static String requireReason(ActionRequest body) {
        if (!ActionRequest.present(body.reason())) {
            throw invalid("reason", "must not be blank");
        }
        return body.reason().trim();
    }

    private static void requireCenterOnlyWhenDispatched(CreateOrderRequest request) {
        boolean hasCenter = request.fulfillmentCenterId() != null && !request.fulfillmentCenterId().isBlank();
        if (request.type() == OrderType.KINGSTON_DISPATCHED && !hasCenter) {
            throw invalid("fulfillmentCenterId", "is required for a KINGSTON_DISPATCHED order");
        }
        if (request.type() == OrderType.SELLER_MANAGED && hasCenter) {
            throw invalid("fulfillmentCenterId", "must be absent for a SELLER_MANAGED order");
        }
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(new Problem(400, "validation", "Invalid request", "The request has 1 invalid field(s).")
                .with("violations", List.of(Map.of("field", field, "message", message))));
    }

    /** "Most problems come from skipping this step": a carrier cannot deliver without a postal code. */
    private static boolean addressNeedsReview(OrderEntity order) {
        return order.shippingMethod != ShippingMethod.LOCAL_DELIVERY
                && (order.deliveryAddress.postalCode == null || order.deliveryAddress.postalCode.isBlank());
    }

    private static OrderEntity newOrder(CreateOrderRequest r) {
        Instant now = Clock.now();
        OrderEntity o = new OrderEntity();
        o.id = UUID.randomUUID().toString();
        o.sellerId = r.sellerId().trim();
        o.customerId = r.customerId().trim();
        o.customerName = r.customerName().trim();
        o.type = r.type();
        o.status = OrderStatus.NEW;
        o.fulfillmentCenterId = r.type() == OrderType.KINGSTON_DISPATCHED ? r.fulfillmentCenterId().trim() : null;
        o.shippingMethod = r.shippingMethod();
        o.notes = r.notes();
        var a = r.deliveryAddress();
        o.deliveryAddress = new DeliveryAddress();
        o.deliveryAddress.name = a.name();
        o.deliveryAddress.line1 = a.line1();
        o.deliveryAddress.line2 = a.line2();
        o.deliveryAddress.city = a.city();
        o.deliveryAddress.region = a.region();
        o.deliveryAddress.postalCode = a.postalCode();
        o.deliveryAddress.country = a.country();
        o.deliveryAddress.phone = a.phone();
        for (CreateOrderRequest.Line l : r.lines()) {
            OrderLine line = new OrderLine();
            line.sku = l.sku().trim();
            line.title = l.title().trim();
            line.quantity = l.quantity();
            line.unitAmount = l.unitPrice().amount();
            line.currency = l.unitPrice().currency();
            o.lines.add(line);
        }
        o.searchText = Stream.concat(Stream.of(o.id, o.customerName),
                o.lines.stream().flatMap(l -> Stream.of(l.sku, l.title)))
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.joining(" "));
        o.createdAt = now;
        o.updatedAt = now;
        o.statusChangedAt = now;
        return o;
    }

    private static OrderEvents.Placed placed(OrderEntity o) {
        var a = o.deliveryAddress;
        return new OrderEvents.Placed(o.id, o.sellerId, o.customerId, o.type, o.status, o.fulfillmentCenterId,
                o.shippingMethod, new OrderEvents.Address(a.country, a.region, a.city, a.postalCode),
                o.lines.stream().map(l -> new OrderEvents.Line(l.sku, l.title, l.quantity)).toList(), o.createdAt);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
