package com.kingstonexpress.order.orders.application;

import java.time.Clock;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.kingstonexpress.order.incidents.persistence.Slowdowns;
import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.OrderType;
import com.kingstonexpress.order.orders.domain.ShippingMethod;
import com.kingstonexpress.order.orders.events.OrderEvents;
import com.kingstonexpress.order.orders.persistence.OrderEntity;
import com.kingstonexpress.platform.idempotency.IdempotencyKeys;
import com.kingstonexpress.platform.idempotency.IdempotencyKeys.StoredResponse;
import com.kingstonexpress.platform.outbox.Outbox;
import com.kingstonexpress.platform.problem.ProblemException;

/** The storefront's checkout places an order; with an idempotency key, at most once. */
@ApplicationScoped
public class PlaceOrder {

    private static final Logger LOG = Logger.getLogger(PlaceOrder.class);

    @Inject
    OrderLifecycle lifecycle;
    @Inject
    Outbox outbox;
    @Inject
    Slowdowns slowdowns;
    @Inject
    IdempotencyKeys idempotencyKeys;
    @Inject
    Clock clock;

    /**
     * Places the order and answers with {@code answer}'s response, stored under the idempotency key: a retry with
     * the same key and body gets that first answer without placing again; the same key with another body is 422.
     */
    @Transactional
    public StoredResponse place(PlaceOrderCommand command, PlaceOrderCommand.Idempotency idempotency,
            Function<OrderResult, StoredResponse> answer) {
        requireCenterOnlyWhenDispatched(command);
        return idempotencyKeys.once(idempotency.scope(), idempotency.key(), idempotency.requestBody(),
                () -> answer.apply(place(command)));
    }

    private OrderResult place(PlaceOrderCommand command) {
        OrderEntity order = NewOrders.from(command, clock.instant());
        order.persist();
        outbox.append(OrderEvents.TOPIC, order.id, NewOrders.placed(order));
        LOG.infof("order %s placed (%s) for seller %s", order.id, order.type, order.sellerId);
        if (addressNeedsReview(order)) {
            lifecycle.raise(order, AttentionFlag.ADDRESS_ISSUE);
        }
        OrderEntity.flush();
        return new OrderResult(order, slowdowns.covers(order, clock.instant()));
    }

    private static void requireCenterOnlyWhenDispatched(PlaceOrderCommand command) {
        boolean hasCenter = command.fulfillmentCenterId() != null && !command.fulfillmentCenterId().isBlank();
        if (command.type() == OrderType.KINGSTON_DISPATCHED && !hasCenter) {
            throw ProblemException.invalid("fulfillmentCenterId", "is required for a KINGSTON_DISPATCHED order");
        }
        if (command.type() == OrderType.SELLER_MANAGED && hasCenter) {
            throw ProblemException.invalid("fulfillmentCenterId", "must be absent for a SELLER_MANAGED order");
        }
    }

    /** "Most problems come from skipping this step": a carrier cannot deliver without a postal code. */
    private static boolean addressNeedsReview(OrderEntity order) {
        return order.shippingMethod != ShippingMethod.LOCAL_DELIVERY
                && (order.deliveryAddress.postalCode == null || order.deliveryAddress.postalCode.isBlank());
    }
}
