package com.kingstonexpress.support.ticket.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import com.kingstonexpress.support.ticket.domain.TicketCategory;
import com.kingstonexpress.support.ticket.domain.TicketPriority;
import com.kingstonexpress.support.ticket.domain.TicketStatus;

/** Ticket lists: the agent queue and a seller's own tickets, in queue order (priority, then age). */
@ApplicationScoped
public class TicketQueries {

    /** Where the previous page ended. */
    public record After(int priorityRank, Instant createdAt, String ticketId) {
    }

    /**
     * @param sellerId null for the whole queue
     * @param statuses empty for any
     */
    public record Filter(String sellerId, Set<TicketStatus> statuses, TicketCategory category, TicketPriority priority,
            String orderId) {
    }

    private static final List<TicketStatus> DONE = List.of(TicketStatus.RESOLVED, TicketStatus.CLOSED);

    @Inject
    EntityManager em;

    public List<Ticket> page(Filter filter, After after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT t FROM Ticket t WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.sellerId() != null) {
            jpql.append(" AND t.sellerId = :seller");
            params.put("seller", filter.sellerId());
        }
        if (!filter.statuses().isEmpty()) {
            jpql.append(" AND t.status IN :statuses");
            params.put("statuses", new ArrayList<>(filter.statuses()));
        }
        if (filter.category() != null) {
            jpql.append(" AND t.category = :category");
            params.put("category", filter.category());
        }
        if (filter.priority() != null) {
            jpql.append(" AND t.priority = :priority");
            params.put("priority", filter.priority());
        }
        if (filter.orderId() != null) {
            jpql.append(" AND t.orderId = :orderId");
            params.put("orderId", filter.orderId());
        }
        if (after != null) {
            jpql.append(" AND (t.priorityRank > :rank OR (t.priorityRank = :rank AND (t.createdAt > :created"
                    + " OR (t.createdAt = :created AND t.ticketId > :id))))");
            params.put("rank", (short) after.priorityRank());
            params.put("created", after.createdAt());
            params.put("id", after.ticketId());
        }
        jpql.append(" ORDER BY t.priorityRank, t.createdAt, t.ticketId");
        TypedQuery<Ticket> query = em.createQuery(jpql.toString(), Ticket.class).setMaxResults(limit);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The ticket for the order and category that is neither RESOLVED nor CLOSED, if there is one. */
    public Optional<Ticket> findOpen(String orderId, TicketCategory category) {
        return Ticket.find("orderId = ?1 and category = ?2 and status not in ?3", orderId, category, DONE)
                .firstResultOptional();
    }

    /** The order's tickets that are neither RESOLVED nor CLOSED. */
    public List<Ticket> openFor(String orderId) {
        return Ticket.list("orderId = ?1 and status not in ?2", orderId, DONE);
    }

    /**
     * Serialises everything that may open a ticket for one order and category (seller, escalation, reopen),
     * so the check for an open ticket cannot race; the partial unique index stays as the last guard.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockOrderAndCategory(String orderId, TicketCategory category) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, orderId + "/" + category.name())
                .getSingleResult();
    }

    public List<TicketComment> comments(String ticketId) {
        return TicketComment.list("ticketId = ?1 order by createdAt, commentId", ticketId);
    }

    public List<TicketCorrection> corrections(String ticketId) {
        return TicketCorrection.list("ticketId = ?1 order by changedAt, eventId", ticketId);
    }
}
