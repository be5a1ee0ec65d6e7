package com.kingstonexpress.order.orders.application;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.kingstonexpress.order.guard.domain.OrderGuard;
import com.kingstonexpress.order.guard.domain.Rule;
import com.kingstonexpress.order.incidents.persistence.Slowdowns;
import com.kingstonexpress.order.orders.domain.Actor;
import com.kingstonexpress.order.orders.domain.ActorKind;
import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.Cause;
import com.kingstonexpress.order.orders.domain.EvidenceKind;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.events.OrderEvents;
import com.kingstonexpress.order.orders.persistence.DeliveryEvidence;
import com.kingstonexpress.order.orders.persistence.OrderEntity;
import com.kingstonexpress.order.orders.persistence.OrderQueries;
import com.kingstonexpress.platform.outbox.Outbox;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.problem.RuleRefusalException;

/** A seller performs one action on its own order, if the guard allows it. */
@ApplicationScoped
public class PerformSellerAction {

    private static final Logger LOG = Logger.getLogger(PerformSellerAction.class);

    private final OrderGuard guard = new OrderGuard();

    @Inject
    OrderLifecycle lifecycle;
    @Inject
    Outbox outbox;
    @Inject
    Slowdowns slowdowns;
    @Inject
    Clock clock;
    @Inject
    OrderQueries queries;

    /** Performs the action and returns the order as {@code view} shows it, inside the same transaction. */
    @Transactional
    public <V> V perform(SellerActionCommand command, Function<OrderResult, V> view) {
        OrderEntity order = OrderReads.ownedBy(command.orderId(), command.sellerId());
        OrderReads.requireVersion(order, command.expectedVersion());
        boolean covered = slowdowns.covers(order, clock.instant());
        Actor actor = Actor.seller(command.actorId());
        GuardRefusals.requireAllowed(guard.decide(order.snapshot(covered), ActorKind.SELLER, command.action(), command.input()),
                order.id, command.action(), actor);
        switch (command.action()) {
            case START_PROCESSING -> lifecycle.changeStatus(order, OrderStatus.PROCESSING, actor);
            case CONFIRM_ADDRESS -> confirmAddress(order);
            case ADD_TRACKING -> setTracking(order, command);
            case MARK_SHIPPED -> {
                if (command.bringsSomeTracking()) {
                    setTracking(order, command);
                }
                lifecycle.changeStatus(order, OrderStatus.SHIPPED, actor);
            }
            case MARK_IN_TRANSIT -> lifecycle.changeStatus(order, OrderStatus.IN_TRANSIT, actor);
            case MARK_DELIVERED -> markDelivered(order, command, actor);
            case CANCEL -> lifecycle.changeStatus(order, OrderStatus.CANCELLED, actor, Cause.reason(requireReason(command)));
            case REFUND -> {
                outbox.append(OrderEvents.TOPIC, order.id,
                        new OrderEvents.RefundRequested(order.id, order.sellerId, requireReason(command), clock.instant()));
                LOG.infof("order %s refund requested by %s", order.id, actor);
            }
            case RESEND -> {
                outbox.append(OrderEvents.TOPIC, order.id,
                        new OrderEvents.ResendRequested(order.id, order.sellerId, requireReason(command), clock.instant()));
                LOG.infof("order %s resend requested by %s", order.id, actor);
            }
        }
        // Flush now so that a concurrent writer surfaces as an optimistic-lock conflict (409), not at commit.
        OrderEntity.flush();
        return view.apply(new OrderResult(order, covered));
    }

    private void confirmAddress(OrderEntity order) {
        Instant now = clock.instant();
        order.addressConfirmedAt = now;
        lifecycle.touch(order, now);
        lifecycle.clear(order, AttentionFlag.ADDRESS_ISSUE);
        outbox.append(OrderEvents.TOPIC, order.id, new OrderEvents.AddressConfirmed(order.id, order.sellerId, now));
        LOG.infof("order %s address confirmed", order.id);
    }

    private void setTracking(OrderEntity order, SellerActionCommand command) {
        if (!command.bringsTracking()) {
            throw ProblemException.invalid(SellerActionCommand.present(command.carrier()) ? "trackingNumber" : "carrier",
                    "must not be blank");
        }
        String carrier = command.carrier().trim();
        String trackingNumber = command.trackingNumber().trim();
        if (queries.trackingUsedByAnotherOpenOrder(carrier, trackingNumber, order.id)) {
            // Which order holds it is another seller's business: the refusal names only the rule.
            LOG.infof("order %s tracking refused: %s", order.id, Rule.TRACKING_NUMBER_IN_USE);
            throw new RuleRefusalException(Rule.TRACKING_NUMBER_IN_USE.name(),
                    "Another open order already uses this carrier and tracking number.", Rule.TRACKING_NUMBER_IN_USE.hint());
        }
        lifecycle.setTracking(order, carrier, trackingNumber);
    }

    private void markDelivered(OrderEntity order, SellerActionCommand command, Actor actor) {
        if (command.evidence() != null) {
            if (!command.bringsProofOfDelivery()) {
                throw ProblemException.invalid("evidence", "must be {kind: PROOF_OF_DELIVERY, reference} with a reference");
            }
            order.evidence.add(DeliveryEvidence.of(EvidenceKind.PROOF_OF_DELIVERY, command.evidence().reference().trim(),
                    clock.instant()));
        }
        lifecycle.changeStatus(order, OrderStatus.DELIVERED, actor);
        lifecycle.clear(order, AttentionFlag.DELIVERY_ATTEMPT_FAILED);
        lifecycle.clear(order, AttentionFlag.CUSTOMS_HOLD);
    }

    private static String requireReason(SellerActionCommand command) {
        if (!SellerActionCommand.present(command.reason())) {
            throw ProblemException.invalid("reason", "must not be blank");
        }
        return command.reason().trim();
    }
}
