package com.kingstonexpress.support.order.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.kingstonexpress.support.order.domain.ActorKind;
import com.kingstonexpress.support.order.domain.AttentionFlag;
import com.kingstonexpress.support.order.domain.OrderFacts;
import com.kingstonexpress.support.order.domain.OrderStatus;
import com.kingstonexpress.support.order.domain.OrderType;
import com.kingstonexpress.support.order.domain.StatusChange;

/**
 * The order projection's store. Every write is one conditional SQL statement that keeps the fact with the
 * highest per-order sequence, so duplicates and events that arrive out of order converge on the same state
 * whatever the order of arrival.
 */
@ApplicationScoped
public class OrderProjections {

    @Inject
    EntityManager em;

    /**
     * Creates the order's row if this is the first event seen for it (possibly before order.placed: a
     * partial row), and learns the order type if it was not known yet.
     *
     * @param type null when the event does not carry it
     * @return true when this made the order known (its row is new) or learned its type; false when nothing changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean ensureKnown(String orderId, String sellerId, OrderType type, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO order_projection (order_id, seller_id, order_type, updated_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (order_id) DO UPDATE SET order_type = COALESCE(order_projection.order_type, EXCLUDED.order_type)
                WHERE order_projection.order_type IS NULL""")
                .setParameter(1, orderId).setParameter(2, sellerId).setParameter(3, type == null ? null : type.name())
                .setParameter(4, ts(now))
                .executeUpdate() > 0;
    }

    /**
     * order.placed in one statement: the row made if it is new, with what only order.placed carries (a partial row
     * becomes a placed one), the type learned if it was not known, and the status set as {@link #recordStatus} sets it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordPlaced(String orderId, String sellerId, OrderType type, Instant placedAt, String shippingMethod, OrderStatus status,
            long sequence, Instant now) {
        em.createNativeQuery("""
                INSERT INTO order_projection AS p (order_id, seller_id, order_type, placed, placed_at, shipping_method, status,
                    status_sequence, updated_at)
                VALUES (:orderId, :sellerId, :type, true, :placedAt, :shippingMethod, :status, :sequence, :now)
                ON CONFLICT (order_id) DO UPDATE SET order_type = COALESCE(p.order_type, EXCLUDED.order_type), placed = true,
                    placed_at = EXCLUDED.placed_at, shipping_method = EXCLUDED.shipping_method, updated_at = EXCLUDED.updated_at,
                    status = CASE WHEN p.status_sequence IS NULL OR p.status_sequence < EXCLUDED.status_sequence
                        THEN EXCLUDED.status ELSE p.status END,
                    status_sequence = CASE WHEN p.status_sequence IS NULL OR p.status_sequence < EXCLUDED.status_sequence
                        THEN EXCLUDED.status_sequence ELSE p.status_sequence END""")
                .setParameter("orderId", orderId).setParameter("sellerId", sellerId)
                .setParameter("type", type == null ? null : type.name()).setParameter("placedAt", ts(placedAt))
                .setParameter("shippingMethod", shippingMethod).setParameter("status", status.name())
                .setParameter("sequence", sequence).setParameter("now", ts(now))
                .executeUpdate();
    }

    /** Sets the status unless a fact with a higher (or the same) sequence is already recorded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordStatus(String orderId, OrderStatus status, long sequence, Instant now) {
        em.createNativeQuery("""
                UPDATE order_projection SET status = :status, status_sequence = :sequence, updated_at = :now
                WHERE order_id = :orderId AND (status_sequence IS NULL OR status_sequence < :sequence)""")
                .setParameter("orderId", orderId).setParameter("status", status.name()).setParameter("sequence", sequence)
                .setParameter("now", ts(now))
                .executeUpdate();
    }

    /**
     * A status change in one statement: the order made known as {@link #ensureKnown} makes it, the status set as
     * {@link #recordStatus} sets it, and the change appended to the timeline, where the same event delivered twice is
     * stored once.
     *
     * @return as {@link #ensureKnown}: true when the order had no row here or its type was not known before
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordStatusChange(String orderId, String sellerId, OrderType type, StatusChange change, String sourceEventId,
            Instant now) {
        // "before" reads the statement's snapshot, which none of the sibling writes is in: the row as it was.
        List<?> learned = em.createNativeQuery("""
                WITH before AS (SELECT order_type FROM order_projection WHERE order_id = :orderId),
                known AS (
                    INSERT INTO order_projection AS p (order_id, seller_id, order_type, status, status_sequence, updated_at)
                    VALUES (:orderId, :sellerId, :type, :status, :sequence, :now)
                    ON CONFLICT (order_id) DO UPDATE SET order_type = COALESCE(p.order_type, EXCLUDED.order_type),
                        status = CASE WHEN p.status_sequence IS NULL OR p.status_sequence < EXCLUDED.status_sequence
                            THEN EXCLUDED.status ELSE p.status END,
                        status_sequence = CASE WHEN p.status_sequence IS NULL OR p.status_sequence < EXCLUDED.status_sequence
                            THEN EXCLUDED.status_sequence ELSE p.status_sequence END,
                        updated_at = EXCLUDED.updated_at
                    WHERE p.order_type IS NULL OR p.status_sequence IS NULL OR p.status_sequence < EXCLUDED.status_sequence),
                timeline AS (
                    INSERT INTO order_status_change (event_id, order_id, sequence, from_status, to_status, actor_kind, actor_id,
                        reason, source_event_id, changed_at)
                    VALUES (:eventId, :orderId, :sequence, :fromStatus, :status, :actorKind, :actorId, :reason, :sourceEventId,
                        :changedAt)
                    ON CONFLICT (event_id) DO NOTHING)
                SELECT NOT EXISTS (SELECT 1 FROM before WHERE order_type IS NOT NULL)""")
                .setParameter("orderId", orderId).setParameter("sellerId", sellerId)
                .setParameter("type", type == null ? null : type.name())
                .setParameter("eventId", change.eventId()).setParameter("sequence", change.sequence())
                .setParameter("fromStatus", change.from() == null ? null : change.from().name())
                .setParameter("status", change.to().name()).setParameter("actorKind", change.actorKind().name())
                .setParameter("actorId", change.actorId()).setParameter("reason", change.reason())
                .setParameter("sourceEventId", sourceEventId).setParameter("changedAt", ts(change.changedAt()))
                .setParameter("now", ts(now))
                .getResultList();
        return Boolean.TRUE.equals(learned.get(0));
    }

    /** Raises or clears a flag unless a later raise/clear of the same flag was already applied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAttention(String orderId, AttentionFlag flag, boolean raised, String advice, long sequence) {
        em.createNativeQuery("""
                INSERT INTO order_attention (order_id, flag, raised, advice, sequence) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (order_id, flag) DO UPDATE SET raised = EXCLUDED.raised, advice = EXCLUDED.advice,
                    sequence = EXCLUDED.sequence
                WHERE order_attention.sequence < EXCLUDED.sequence""")
                .setParameter(1, orderId).setParameter(2, flag.name()).setParameter(3, raised).setParameter(4, advice)
                .setParameter(5, sequence)
                .executeUpdate();
    }

    public Optional<OrderFacts> find(String orderId) {
        List<?> rows = em.createNativeQuery(
                "SELECT seller_id, order_type, status, placed FROM order_projection WHERE order_id = ?1")
                .setParameter(1, orderId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        Set<AttentionFlag> attention = EnumSet.noneOf(AttentionFlag.class);
        for (Object flag : em.createNativeQuery("SELECT flag FROM order_attention WHERE order_id = ?1 AND raised")
                .setParameter(1, orderId).getResultList()) {
            attention.add(AttentionFlag.valueOf((String) flag));
        }
        return Optional.of(new OrderFacts(orderId, (String) row[0], row[1] == null ? null : OrderType.valueOf((String) row[1]),
                row[2] == null ? null : OrderStatus.valueOf((String) row[2]), (Boolean) row[3], attention, timeline(orderId)));
    }

    private List<StatusChange> timeline(String orderId) {
        List<StatusChange> timeline = new ArrayList<>();
        for (Object r : em.createNativeQuery("""
                SELECT event_id, sequence, from_status, to_status, actor_kind, actor_id, reason, changed_at
                FROM order_status_change WHERE order_id = ?1 ORDER BY sequence, event_id""")
                .setParameter(1, orderId).getResultList()) {
            Object[] row = (Object[]) r;
            timeline.add(new StatusChange((String) row[0], ((Number) row[1]).longValue(),
                    row[2] == null ? null : OrderStatus.valueOf((String) row[2]), OrderStatus.valueOf((String) row[3]),
                    ActorKind.valueOf((String) row[4]), (String) row[5], (String) row[6], instant(row[7])));
        }
        return timeline;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
