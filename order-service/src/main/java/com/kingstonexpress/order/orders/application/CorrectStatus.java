package com.kingstonexpress.order.orders.application;

import java.time.Clock;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.kingstonexpress.order.guard.domain.OrderGuard;
import com.kingstonexpress.order.incidents.persistence.Slowdowns;
import com.kingstonexpress.order.orders.domain.Actor;
import com.kingstonexpress.order.orders.domain.ActorKind;
import com.kingstonexpress.order.orders.domain.Cause;
import com.kingstonexpress.order.orders.persistence.OrderEntity;

/** "Support agents may correct any status with a mandatory reason; it is recorded as such." */
@ApplicationScoped
public class CorrectStatus {

    private final OrderGuard guard = new OrderGuard();

    @Inject
    OrderLifecycle lifecycle;
    @Inject
    Slowdowns slowdowns;
    @Inject
    Clock clock;

    /** Corrects the status and returns the order as {@code view} shows it, inside the same transaction. */
    @Transactional
    public <V> V correct(CorrectStatusCommand command, Function<OrderResult, V> view) {
        OrderEntity order = OrderReads.existing(command.orderId());
        OrderReads.requireVersion(order, command.expectedVersion());
        boolean covered = slowdowns.covers(order, clock.instant());
        Actor agent = Actor.supportAgent(command.agentId());
        GuardRefusals.requireAllowed(guard.decideCorrection(order.snapshot(covered), ActorKind.SUPPORT_AGENT, command.target()),
                order.id, "correction to " + command.target(), agent);
        lifecycle.changeStatus(order, command.target(), agent, Cause.reason(command.reason().trim()));
        OrderEntity.flush();
        return view.apply(new OrderResult(order, covered));
    }
}
