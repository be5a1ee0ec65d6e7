package com.kingstonexpress.order.guard.domain;

import java.util.Set;

import com.kingstonexpress.order.orders.domain.Condition;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;
import com.kingstonexpress.order.orders.domain.ShippingMethod;

/**
 * Named order snapshots for the guard's tests: {@code order(SELLER_MANAGED, PROCESSING).addressConfirmed().tracked()}
 * starts from standard shipping, no conditions, nothing confirmed, no tracking and no delivery evidence.
 */
final class Snapshots {

    /** What the seller may send along with an action. */
    static final ActionInput WITH_TRACKING = new ActionInput(true, false);
    static final ActionInput WITH_PROOF_OF_DELIVERY = new ActionInput(false, true);

    private Snapshots() {
    }

    static Builder order(OrderType type, OrderStatus status) {
        return new Builder(type, status);
    }

    /** Address confirmed, tracked and with delivery evidence: nothing but the type, status and conditions holds it back. */
    static OrderSnapshot ready(OrderType type, OrderStatus status, Set<Condition> conditions) {
        return order(type, status).conditions(conditions).addressConfirmed().tracked().withDeliveryEvidence().build();
    }

    static final class Builder {
        private final OrderType type;
        private final OrderStatus status;
        private Set<Condition> conditions = Set.of();
        private ShippingMethod shipping = ShippingMethod.STANDARD;
        private boolean addressConfirmed;
        private boolean tracked;
        private boolean deliveryEvidence;

        private Builder(OrderType type, OrderStatus status) {
            this.type = type;
            this.status = status;
        }

        Builder conditions(Set<Condition> value) {
            conditions = value;
            return this;
        }

        Builder shipping(ShippingMethod value) {
            shipping = value;
            return this;
        }

        Builder addressConfirmed() {
            return addressConfirmed(true);
        }

        Builder addressConfirmed(boolean value) {
            addressConfirmed = value;
            return this;
        }

        Builder tracked() {
            return tracked(true);
        }

        Builder tracked(boolean value) {
            tracked = value;
            return this;
        }

        Builder withDeliveryEvidence() {
            return deliveryEvidence(true);
        }

        Builder deliveryEvidence(boolean value) {
            deliveryEvidence = value;
            return this;
        }

        OrderSnapshot build() {
            return new OrderSnapshot(type, status, conditions, shipping, addressConfirmed, tracked, deliveryEvidence);
        }
    }
}
