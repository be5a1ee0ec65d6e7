package com.kingstonexpress.support.ticket.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.problem.Problem;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.problem.RuleRefusalException;
import com.kingstonexpress.support.order.domain.OrderFacts;
import com.kingstonexpress.support.order.domain.StatusChange;
import com.kingstonexpress.support.order.persistence.OrderProjections;
import com.kingstonexpress.support.ticket.domain.Advice;
import com.kingstonexpress.support.ticket.domain.Decision;
import com.kingstonexpress.support.ticket.domain.SupportPreflight;
import com.kingstonexpress.support.ticket.domain.TicketActor;
import com.kingstonexpress.support.ticket.domain.TicketCategory;
import com.kingstonexpress.support.ticket.domain.TicketLifecycle;
import com.kingstonexpress.support.ticket.domain.TicketOpeningPolicy;
import com.kingstonexpress.support.ticket.domain.TicketPriority;
import com.kingstonexpress.support.ticket.domain.TicketStatus;
import com.kingstonexpress.support.ticket.events.TicketEvents;
import com.kingstonexpress.support.ticket.persistence.Ticket;
import com.kingstonexpress.support.ticket.persistence.TicketComment;
import com.kingstonexpress.support.ticket.persistence.TicketCorrection;
import com.kingstonexpress.support.ticket.persistence.TimelineEntry;

/** The ticket use cases: each runs in the caller's transaction, with its events appended to the outbox. */
@ApplicationScoped
public class TicketDesk {

    public static final String ONE_OPEN_TICKET = "ONE_OPEN_TICKET_PER_ORDER_AND_CATEGORY";
    static final String MESSAGING = "messaging-service";

    @Inject
    EntityManager em;
    @Inject
    OrderProjections orders;
    @Inject
    TicketEvents events;
    @Inject
    TicketConfig config;
    @Inject
    ObjectMapper json;

    /** "Before creating, the seller can ask whether support is the right move." */
    @Transactional
    public Advice preflight(String sellerId, String orderId, TicketCategory category) {
        return SupportPreflight.advise(ownOrder(sellerId, orderId), category);
    }

    /** A seller opens a ticket about one of their orders ("Always include the order ID"). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket openBySeller(String sellerId, String actorId, String orderId, TicketCategory category, String description) {
        OrderFacts order = ownOrder(sellerId, orderId);
        Decision opening = TicketOpeningPolicy.mayOpen(category, order.type());
        if (!opening.allowed()) {
            throw new ProblemException(new Problem(422, "category-not-for-order", "Category does not fit the order",
                    opening.reason()).with("ruleId", opening.ruleId()).with("hint", opening.hint()));
        }
        lockOrderAndCategory(orderId, category);
        findOpen(orderId, category).ifPresent(existing -> {
            throw alreadyOpen(existing);
        });
        Ticket ticket = newTicket(Optional.of(order), orderId, sellerId, category, description, "SELLER", actorId);
        events.opened(ticket);
        return ticket;
    }

    /**
     * "A customer is escalating aggressively": open a HIGH ticket for the order, or add the new escalation to
     * the one already open. Each escalation message counts once however often it is delivered.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onEscalation(Escalation escalation) {
        String sourceKey = "escalation:" + escalation.messageId();
        if (TicketComment.count("sourceKey", sourceKey) > 0) {
            return;
        }
        Optional<OrderFacts> order = orders.find(escalation.orderId());
        if (order.isPresent() && !order.get().sellerId().equals(escalation.sellerId())) {
            throw new PoisonEventException("escalation names seller " + escalation.sellerId() + " but order "
                    + escalation.orderId() + " belongs to another seller");
        }
        lockOrderAndCategory(escalation.orderId(), TicketCategory.CUSTOMER_ESCALATION);
        Ticket ticket = findOpen(escalation.orderId(), TicketCategory.CUSTOMER_ESCALATION).orElse(null);
        if (ticket == null) {
            // The order may not be in the projection yet (its order.placed still in flight): the event's seller id
            // is enough to open the ticket, and the timeline snapshot is then empty.
            ticket = newTicket(order, escalation.orderId(), escalation.sellerId(), TicketCategory.CUSTOMER_ESCALATION,
                    "Customer escalation detected on conversation " + escalation.conversationId() + ": " + escalation.excerpt(),
                    "SYSTEM", MESSAGING);
            events.opened(ticket);
        } else {
            ticket.updatedAt = now();
        }
        addComment(ticket, TicketComment.SYSTEM, MESSAGING, "Escalation detected (signals: "
                + String.join(", ", escalation.signals()) + ") in message " + escalation.messageId() + ": " + escalation.excerpt(),
                sourceKey);
    }

    /** Records an agent's audited status correction on every open ticket of the order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordCorrection(String orderId, StatusChange change) {
        List<Ticket> open = Ticket.list("orderId = ?1 and status not in ?2", orderId,
                List.of(TicketStatus.RESOLVED, TicketStatus.CLOSED));
        for (Ticket ticket : open) {
            if (TicketCorrection.count("ticketId = ?1 and eventId = ?2", ticket.ticketId, change.eventId()) > 0) {
                continue;
            }
            TicketCorrection correction = new TicketCorrection();
            correction.ticketId = ticket.ticketId;
            correction.eventId = change.eventId();
            correction.from = change.from();
            correction.to = change.to();
            correction.actorId = change.actorId();
            correction.reason = change.reason();
            correction.changedAt = change.changedAt();
            correction.persist();
            ticket.updatedAt = now();
            addComment(ticket, TicketComment.SYSTEM, "order-service", "Order status corrected from " + change.from() + " to "
                    + change.to() + " by " + change.actorId() + (change.reason() == null ? "" : ": " + change.reason()),
                    "correction:" + change.eventId() + ":" + ticket.ticketId);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket changeStatus(Ticket ticket, TicketActor actor, String actorId, TicketStatus to, String resolution) {
        Instant now = now();
        Decision decision = TicketLifecycle.decide(ticket.status, to, actor, ticket.resolvedAt, now, config.reopenWindow());
        if (decision.agentOnly()) {
            throw new ProblemException(new Problem(403, "forbidden", "Forbidden", decision.reason())
                    .with("ruleId", decision.ruleId()).with("hint", decision.hint()));
        }
        if (!decision.allowed()) {
            throw new RuleRefusalException(decision.ruleId(), decision.reason(), decision.hint());
        }
        if (to == TicketStatus.RESOLVED && (resolution == null || resolution.isBlank())) {
            throw ProblemException.badRequest("A resolution is required to resolve a ticket: tell the seller what was done.");
        }
        if (to.isOpen() && !ticket.status.isOpen()) {
            lockOrderAndCategory(ticket.orderId, ticket.category);
            findOpen(ticket.orderId, ticket.category).ifPresent(existing -> {
                throw alreadyOpen(existing);
            });
        }
        TicketStatus from = ticket.status;
        ticket.status = to;
        ticket.updatedAt = now;
        switch (to) {
            case RESOLVED -> {
                ticket.resolution = resolution;
                ticket.resolvedAt = now;
            }
            case CLOSED -> ticket.closedAt = now;
            case OPEN -> {
                ticket.resolution = null;
                ticket.resolvedAt = null;
            }
            default -> {
                // IN_PROGRESS and WAITING_ON_SELLER change nothing but the status.
            }
        }
        events.statusChanged(ticket, from, actor == TicketActor.SUPPORT_AGENT ? "SUPPORT_AGENT" : "SELLER", actorId);
        return ticket;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket take(Ticket ticket, String agentId) {
        Decision decision = TicketLifecycle.mayTake(ticket.status);
        if (!decision.allowed()) {
            throw new RuleRefusalException(decision.ruleId(), decision.reason(), decision.hint());
        }
        TicketStatus from = ticket.status;
        ticket.assignee = agentId;
        ticket.status = TicketLifecycle.statusAfterTaking(from);
        ticket.updatedAt = now();
        if (ticket.status != from) {
            events.statusChanged(ticket, from, "SUPPORT_AGENT", agentId);
        }
        return ticket;
    }

    /** @param authorKind SELLER or SUPPORT_AGENT */
    @Transactional(Transactional.TxType.MANDATORY)
    public TicketComment comment(Ticket ticket, String authorKind, String authorId, String body) {
        Decision decision = TicketLifecycle.mayComment(ticket.status);
        if (!decision.allowed()) {
            throw new RuleRefusalException(decision.ruleId(), decision.reason(), decision.hint());
        }
        ticket.updatedAt = now();
        if (TicketComment.SELLER.equals(authorKind)) {
            TicketStatus from = ticket.status;
            ticket.status = TicketLifecycle.statusAfterSellerComment(from);
            if (ticket.status != from) {
                events.statusChanged(ticket, from, "SELLER", authorId);
            }
        }
        return addComment(ticket, authorKind, authorId, body, null);
    }

    /** The ticket for update; optimistic locking catches a concurrent change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket find(String ticketId) {
        Ticket ticket = Ticket.findById(ticketId);
        if (ticket == null) {
            throw ProblemException.notFound("Ticket", ticketId);
        }
        return ticket;
    }

    /** The reopen deadline of a resolved ticket, for clients to show. */
    public Instant reopenableUntil(Ticket ticket) {
        return ticket.status == TicketStatus.RESOLVED && ticket.resolvedAt != null ? ticket.resolvedAt.plus(config.reopenWindow())
                : null;
    }

    private OrderFacts ownOrder(String sellerId, String orderId) {
        // Another seller's order is "not found", exactly like an order that does not exist.
        return orders.find(orderId).filter(o -> o.sellerId().equals(sellerId))
                .orElseThrow(() -> ProblemException.notFound("Order", orderId));
    }

    private Optional<Ticket> findOpen(String orderId, TicketCategory category) {
        return Ticket.find("orderId = ?1 and category = ?2 and status not in ?3", orderId, category,
                List.of(TicketStatus.RESOLVED, TicketStatus.CLOSED)).firstResultOptional();
    }

    /**
     * Serialises everything that may open a ticket for one order and category (seller, escalation, reopen),
     * so the check for an open ticket cannot race; the partial unique index stays as the last guard.
     */
    private void lockOrderAndCategory(String orderId, TicketCategory category) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, orderId + "/" + category.name())
                .getSingleResult();
    }

    private static ProblemException alreadyOpen(Ticket existing) {
        return new ProblemException(new Problem(409, "ticket-already-open", "A ticket is already open",
                "Ticket " + existing.ticketId + " is already open for order " + existing.orderId + " and category "
                        + existing.category + "; add a comment to it instead.")
                .with("ruleId", ONE_OPEN_TICKET).with("existingTicketId", existing.ticketId));
    }

    private Ticket newTicket(Optional<OrderFacts> order, String orderId, String sellerId, TicketCategory category,
            String description, String openedByKind, String openedBy) {
        Instant now = now();
        Ticket t = new Ticket();
        t.ticketId = UUID.randomUUID().toString();
        t.orderId = orderId;
        t.sellerId = sellerId;
        t.category = category;
        t.priority = TicketPriority.of(category);
        t.priorityRank = (short) t.priority.rank();
        t.status = TicketStatus.OPEN;
        t.description = description;
        t.openedByKind = openedByKind;
        t.openedBy = openedBy;
        t.orderType = order.map(OrderFacts::type).orElse(null);
        t.orderStatus = order.map(OrderFacts::status).orElse(null);
        t.orderAttention = write(order.map(o -> o.attention().stream().map(Enum::name).sorted().toList()).orElse(List.of()));
        t.timelineSnapshot = write(order.map(o -> o.timeline().stream().map(TimelineEntry::of).toList()).orElse(List.of()));
        t.createdAt = now;
        t.updatedAt = now;
        t.persist();
        return t;
    }

    private TicketComment addComment(Ticket ticket, String authorKind, String authorId, String body, String sourceKey) {
        TicketComment c = new TicketComment();
        c.commentId = UUID.randomUUID().toString();
        c.ticketId = ticket.ticketId;
        c.authorKind = authorKind;
        c.authorId = authorId;
        c.body = body;
        c.sourceKey = sourceKey;
        c.createdAt = now();
        c.persist();
        return c;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ticket snapshot not serialisable", e);
        }
    }

    /** Microseconds: what PostgreSQL keeps, so cursors built from a returned value match the stored one. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
