package com.kingstonexpress.messaging.responsetime.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** A seller's response-time figures, computed by PostgreSQL over the seller's conversations. */
@ApplicationScoped
public class ResponseTimeQueries {

    /** Counts and nearest-rank first-reply percentiles (null when no conversation has a first reply). */
    public record Totals(long conversations, long withFirstReply, Long p50, Long p90, Long p99, long messagesWaiting,
            long conversationsAwaitingReply) {
    }

    public record Waiting(String conversationId, String orderId, OffsetDateTime since) {
    }

    @Inject
    EntityManager em;

    public Totals totals(String sellerId) {
        // percentile_disc is the nearest-rank percentile: always a time some customer really waited.
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT count(*), count(first_reply_seconds),
                       percentile_disc(0.5) WITHIN GROUP (ORDER BY first_reply_seconds),
                       percentile_disc(0.9) WITHIN GROUP (ORDER BY first_reply_seconds),
                       percentile_disc(0.99) WITHIN GROUP (ORDER BY first_reply_seconds),
                       coalesce(sum(waiting_messages), 0),
                       count(*) FILTER (WHERE waiting_messages > 0)
                FROM conversation WHERE seller_id = ?1""").setParameter(1, sellerId).getSingleResult();
        return new Totals(number(row[0]), number(row[1]), nullable(row[2]), nullable(row[3]), nullable(row[4]), number(row[5]),
                number(row[6]));
    }

    /** The conversation whose customer has waited longest, if anyone waits. */
    public Optional<Waiting> oldestWaiting(String sellerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT conversation_id, order_id, awaiting_since FROM conversation
                WHERE seller_id = ?1 AND awaiting_since IS NOT NULL
                ORDER BY awaiting_since, conversation_id LIMIT 1""").setParameter(1, sellerId).getResultList();
        return rows.stream().findFirst().map(row -> new Waiting((String) row[0], (String) row[1], time(row[2])));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Long nullable(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected time type " + value.getClass().getName());
    }
}
