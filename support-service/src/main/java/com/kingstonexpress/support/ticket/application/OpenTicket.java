package com.kingstonexpress.support.ticket.application;

import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.idempotency.IdempotencyKeys;
import com.kingstonexpress.platform.idempotency.IdempotencyKeys.StoredResponse;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.support.order.domain.OrderFacts;
import com.kingstonexpress.support.order.persistence.OrderProjections;
import com.kingstonexpress.support.ticket.domain.AuthorKind;
import com.kingstonexpress.support.ticket.domain.TicketCategory;
import com.kingstonexpress.support.ticket.domain.TicketOpeningPolicy;
import com.kingstonexpress.support.ticket.persistence.Ticket;
import com.kingstonexpress.support.ticket.persistence.TicketQueries;

/** A seller opens a ticket about one of their orders ("Always include the order ID"). */
@ApplicationScoped
public class OpenTicket {

    /** @param actorId the seller's user, recorded as who opened the ticket */
    public record Command(String sellerId, String actorId, String orderId, TicketCategory category, String description) {
    }

    /** What the idempotency key is checked against: the request's members, as the client sent them. */
    record Fingerprint(String orderId, TicketCategory category, String description) {
    }

    @Inject
    OrderProjections orders;
    @Inject
    TicketQueries queries;
    @Inject
    TicketFactory factory;
    @Inject
    IdempotencyKeys idempotencyKeys;
    @Inject
    ObjectMapper json;

    /**
     * Opens the ticket at most once per {@code Idempotency-Key}: a retry with the same key and request gets the
     * first answer back, stored by {@code answer} (the caller's representation of the new ticket).
     *
     * @param idempotencyKey null when the client sent none
     */
    @Transactional
    public StoredResponse open(Command command, String idempotencyKey, Function<Ticket, StoredResponse> answer) {
        String request = write(new Fingerprint(command.orderId(), command.category(), command.description()));
        return idempotencyKeys.once("tickets:" + command.actorId(), idempotencyKey, request,
                () -> answer.apply(open(command)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket open(Command command) {
        String attempt = "ticket for order " + command.orderId() + " (" + command.category() + ") by SELLER:" + command.actorId();
        // Another seller's order is "not found", exactly like an order that does not exist.
        OrderFacts order = orders.find(command.orderId()).filter(o -> o.sellerId().equals(command.sellerId()))
                .orElseThrow(() -> ProblemException.notFound("Order", command.orderId()));
        Refusals.requireCategoryFits(TicketOpeningPolicy.mayOpen(command.category(), order.type()), attempt);
        queries.lockOrderAndCategory(command.orderId(), command.category());
        queries.findOpen(command.orderId(), command.category()).ifPresent(existing -> {
            throw Refusals.alreadyOpen(existing, attempt);
        });
        return factory.open(Optional.of(order), command.orderId(), command.sellerId(), command.category(),
                command.description(), AuthorKind.SELLER, command.actorId());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request not serialisable", e);
        }
    }
}
