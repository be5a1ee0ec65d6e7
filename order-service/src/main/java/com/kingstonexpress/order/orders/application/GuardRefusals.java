package com.kingstonexpress.order.orders.application;

import org.jboss.logging.Logger;

import com.kingstonexpress.order.guard.domain.Decision;
import com.kingstonexpress.order.orders.domain.Actor;
import com.kingstonexpress.platform.problem.RuleRefusalException;

/** Turns the guard's refusal into the 409 that names its rule, and logs it. */
final class GuardRefusals {

    private static final Logger LOG = Logger.getLogger(GuardRefusals.class);

    private GuardRefusals() {
    }

    static void requireAllowed(Decision decision, String orderId, Object what, Actor actor) {
        if (decision instanceof Decision.Refused refused) {
            LOG.infof("order %s %s by %s refused: %s", orderId, what, actor, refused.rule());
            throw new RuleRefusalException(refused.rule().name(), refused.reason(), refused.hint());
        }
    }
}
