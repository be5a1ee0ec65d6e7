package com.kingstonexpress.order.orders.application;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.kingstonexpress.order.guard.domain.Rule;
import com.kingstonexpress.order.orders.domain.EvidenceKind;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.persistence.DeliveryEvidence;
import com.kingstonexpress.order.orders.persistence.OrderEntity;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.problem.RuleRefusalException;

/**
 * The customer confirms receipt: delivery evidence the seller of a seller-managed order needs before marking
 * it delivered. A repeated confirmation changes nothing.
 */
@ApplicationScoped
public class ConfirmReceipt {

    private static final Logger LOG = Logger.getLogger(ConfirmReceipt.class);

    @Inject
    OrderLifecycle lifecycle;
    @Inject
    Clock clock;

    /** @return true when this confirmation was recorded now, false when the order already had one */
    @Transactional
    public boolean confirm(ConfirmReceiptCommand command) {
        OrderEntity order = OrderReads.existing(command.orderId());
        if (!order.customerId.equals(command.customerId())) {
            throw ProblemException.unprocessable("Order " + order.id + " was not placed by customer " + command.customerId() + ".");
        }
        if (order.status == OrderStatus.CANCELLED) {
            throw refused(order, Rule.ORDER_TERMINAL, "The order is CANCELLED; there is no delivery to confirm.",
                    "Contact the seller about the order.");
        }
        if (!order.status.hasShipped()) {
            // A receipt before anything left is not evidence of delivery ("Never mark delivered without confirmation").
            throw refused(order, Rule.NOTHING_SHIPPED_YET, "The order has not shipped yet, so its receipt cannot be confirmed.",
                    "Confirm receipt once the parcel has arrived.");
        }
        if (order.hasEvidence(EvidenceKind.CUSTOMER_CONFIRMATION)) {
            return false;
        }
        Instant now = clock.instant();
        Instant confirmedAt = command.confirmedAt() != null ? command.confirmedAt() : now;
        order.evidence.add(DeliveryEvidence.of(EvidenceKind.CUSTOMER_CONFIRMATION, command.customerId(), confirmedAt));
        lifecycle.touch(order, now);
        OrderEntity.flush();
        LOG.infof("order %s receipt confirmed by the customer", order.id);
        return true;
    }

    private static RuleRefusalException refused(OrderEntity order, Rule rule, String reason, String hint) {
        LOG.infof("order %s receipt confirmation refused: %s", order.id, rule);
        return new RuleRefusalException(rule.name(), reason, hint);
    }
}
