package com.kingstonexpress.messaging.conversation.persistence;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import com.kingstonexpress.messaging.order.persistence.OrderProjection;

/** The conversation queries written by hand: opening an order's one conversation and a seller's list. */
@ApplicationScoped
public class ConversationQueries {

    /** Where a page of a seller's list starts: after this conversation in (openedAt, conversationId) descending order. */
    public record After(OffsetDateTime openedAt, String conversationId) {
    }

    @Inject
    EntityManager em;

    /**
     * Opens the order's conversation unless it has one, then locks it. One conversation per order: concurrent first
     * messages meet on the unique order_id, and the row lock serialises every write to the conversation (counters,
     * duplicate message ids).
     *
     * @return the conversation and whether this call opened it
     */
    public Opened openLocked(OrderProjection order, OffsetDateTime now) {
        int inserted = em.createNativeQuery("""
                INSERT INTO conversation (conversation_id, order_id, seller_id, customer_id, opened_at, last_message_at,
                                          first_customer_message_at, waiting_messages, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?5, 0, 0) ON CONFLICT (order_id) DO NOTHING""")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, order.orderId).setParameter(3, order.sellerId)
                .setParameter(4, order.customerId).setParameter(5, now).executeUpdate();
        Conversation conversation = em.createQuery("from Conversation c where c.orderId = :order", Conversation.class)
                .setParameter("order", order.orderId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
        return new Opened(conversation, inserted == 1);
    }

    public record Opened(Conversation conversation, boolean isNew) {
    }

    /** The seller's conversation, locked for writing when {@code forUpdate}; empty when it is not the seller's. */
    public Optional<Conversation> ofSeller(String sellerId, String conversationId, boolean forUpdate) {
        Conversation conversation = forUpdate ? Conversation.findById(conversationId, LockModeType.PESSIMISTIC_WRITE)
                : Conversation.findById(conversationId);
        return Optional.ofNullable(conversation).filter(c -> c.sellerId.equals(sellerId));
    }

    /**
     * A seller's conversations, newest first by when they were opened (which never changes, so pages never shift),
     * at most {@code rows} of them after {@code after} (null for the first page).
     */
    public List<Conversation> ofSeller(String sellerId, String orderId, Boolean awaitingReply, After after, int rows) {
        StringBuilder jpql = new StringBuilder("from Conversation c where c.sellerId = :seller");
        Map<String, Object> params = new HashMap<>();
        params.put("seller", sellerId);
        if (orderId != null) {
            jpql.append(" and c.orderId = :order");
            params.put("order", orderId);
        }
        if (awaitingReply != null) {
            jpql.append(awaitingReply ? " and c.waitingMessages > 0" : " and c.waitingMessages = 0");
        }
        if (after != null) {
            jpql.append(" and (c.openedAt < :openedAt or (c.openedAt = :openedAt and c.conversationId < :id))");
            params.put("openedAt", after.openedAt());
            params.put("id", after.conversationId());
        }
        jpql.append(" order by c.openedAt desc, c.conversationId desc");
        TypedQuery<Conversation> query = em.createQuery(jpql.toString(), Conversation.class).setMaxResults(rows);
        params.forEach(query::setParameter);
        return query.getResultList();
    }
}
