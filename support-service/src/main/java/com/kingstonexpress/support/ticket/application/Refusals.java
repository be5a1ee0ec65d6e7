package com.kingstonexpress.support.ticket.application;

import org.jboss.logging.Logger;

import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.problem.RuleRefusalException;
import com.kingstonexpress.support.ticket.domain.Decision;
import com.kingstonexpress.support.ticket.domain.TicketRule;
import com.kingstonexpress.support.ticket.persistence.Ticket;

/** How the use cases say no: each refusal is logged with its rule id and thrown as the answer the API gives. */
final class Refusals {

    private static final Logger LOG = Logger.getLogger(Refusals.class);

    private Refusals() {
    }

    /**
     * A lifecycle rule: a refusal about the ticket's state is 409 {@code rule-refused}; one about the caller's
     * role is 403 {@code forbidden}, with the same {@code ruleId} and {@code hint}.
     *
     * @param attempt what was asked, for the log line (ids and actor only)
     */
    static void require(Decision decision, String attempt) {
        decision.<Void>match(() -> null, refused -> {
            LOG.infof("%s refused: %s", attempt, refused.rule().id());
            throw new RuleRefusalException(refused.rule().id(), refused.reason(), refused.hint());
        }, notYourRole -> {
            LOG.infof("%s refused: %s", attempt, notYourRole.rule().id());
            throw ProblemException.forbidden(notYourRole.reason()).with("ruleId", notYourRole.rule().id())
                    .with("hint", notYourRole.hint());
        });
    }

    /** The category does not fit the order: 422 {@code category-not-for-order}, whoever asks. */
    static void requireCategoryFits(Decision decision, String attempt) {
        decision.<Void>match(() -> null, refused -> {
            throw categoryNotForOrder(attempt, refused.rule(), refused.reason());
        }, notYourRole -> {
            throw categoryNotForOrder(attempt, notYourRole.rule(), notYourRole.reason());
        });
    }

    /** Another ticket for the order and category is still open: 409 {@code ticket-already-open}. */
    static ProblemException alreadyOpen(Ticket existing, String attempt) {
        TicketRule rule = TicketRule.ONE_OPEN_TICKET_PER_ORDER_AND_CATEGORY;
        LOG.infof("%s refused: %s (ticket %s is open)", attempt, rule.id(), existing.ticketId);
        return ProblemException.conflict("ticket-already-open", "A ticket is already open",
                "Ticket " + existing.ticketId + " is already open for order " + existing.orderId + " and category "
                        + existing.category + "; add a comment to it instead.")
                .with("ruleId", rule.id()).with("existingTicketId", existing.ticketId);
    }

    private static ProblemException categoryNotForOrder(String attempt, TicketRule rule, String reason) {
        LOG.infof("%s refused: %s", attempt, rule.id());
        return ProblemException.unprocessable("category-not-for-order", "Category does not fit the order", reason)
                .with("ruleId", rule.id()).with("hint", rule.hint());
    }
}
