package com.kingstonexpress.support.ticket.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.support.order.persistence.OrderProjections;
import com.kingstonexpress.support.ticket.domain.Advice;
import com.kingstonexpress.support.ticket.domain.SupportPreflight;
import com.kingstonexpress.support.ticket.domain.TicketCategory;

/** "Before creating, the seller can ask whether support is the right move." Changes nothing. */
@ApplicationScoped
public class TicketPreflight {

    public record Question(String sellerId, String orderId, TicketCategory category) {
    }

    @Inject
    OrderProjections orders;

    @Transactional
    public Advice ask(Question question) {
        // Another seller's order is "not found", exactly like an order that does not exist.
        return orders.find(question.orderId()).filter(o -> o.sellerId().equals(question.sellerId()))
                .map(order -> SupportPreflight.advise(order, question.category()))
                .orElseThrow(() -> ProblemException.notFound("Order", question.orderId()));
    }
}
