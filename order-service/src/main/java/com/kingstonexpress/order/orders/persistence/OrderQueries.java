package com.kingstonexpress.order.orders.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.Session;

import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;

/**
 * The seller's order queries, written so that each is served by an index with 100k orders per seller:
 * {@code (seller_id, created_at DESC, order_id DESC)} (and per status / type) for the list and its keyset
 * pagination, a {@code (seller_id, search_text)} trigram index for {@code q}, {@code (seller_id, flag, order_created_at
 * DESC, order_id DESC)} for attention, {@code (seller_id, status, order_type)} for the counts.
 */
@ApplicationScoped
public class OrderQueries {

    @Inject
    EntityManager em;

    /** One page of the seller's orders, newest first; one more than {@code limit} tells whether a next page exists. */
    public List<OrderEntity> page(OrderFilter filter) {
        SqlQuery sql = listSql(filter);
        Query query = em.createNativeQuery(sql.sql());
        sql.bind(query);
        @SuppressWarnings("unchecked")
        List<String> ids = query.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        // The page's orders with their lines, flags and evidence in one query (OrderEntity#findWithDetails). The ids
        // are bound as a list: Panache's setParameter first tries the list as one String and catches Hibernate's
        // exception, one thrown per page.
        Map<String, OrderEntity> byId = em.unwrap(Session.class)
                .createSelectionQuery(OrderEntity.WITH_DETAILS + " WHERE o.id IN ?1", OrderEntity.class)
                .setParameterList(1, ids).getResultList().stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
        return ids.stream().map(byId::get).toList();
    }

    /** The list query; public so that a test can EXPLAIN exactly what runs. */
    public static SqlQuery listSql(OrderFilter f) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("sellerId", f.sellerId());
        List<String> where = new ArrayList<>();
        String select;
        String row; // the alias whose status and order_type the filters test
        String createdAt; // the sort key, newest first, and the keyset cursor's columns
        String orderId;
        if (f.text() != null) {
            // A text search narrows the seller's orders to a few: those few are found first, through the (seller_id,
            // search_text) trigram index, with the columns the other filters and the order need. Left to itself, the
            // planner may walk the seller's newest-first index and filter, which reads every order of the seller when
            // the matches are rare.
            select = "WITH m AS MATERIALIZED (SELECT order_id, created_at, status, order_type FROM orders"
                    + " WHERE seller_id = :sellerId AND search_text LIKE :text) SELECT m.order_id FROM m";
            params.put("text", "%" + escapeLike(f.text().toLowerCase(Locale.ROOT)) + "%");
            row = "m.";
            createdAt = "m.created_at";
            orderId = "m.order_id";
            if (f.attention() != null) {
                // Only this seller's flags (#12 L11), not every seller's rows of the flag.
                where.add("EXISTS (SELECT 1 FROM order_attention a WHERE a.order_id = m.order_id AND a.seller_id = :sellerId"
                        + " AND a.flag = :flag)");
            }
        } else if (f.attention() != null) {
            // The seller's flag rows carry their order's created_at: (seller_id, flag, order_created_at, order_id)
            // walks them newest first and the list stops at the page.
            select = "SELECT a.order_id FROM order_attention a JOIN orders o ON o.order_id = a.order_id";
            where.add("a.seller_id = :sellerId AND a.flag = :flag AND o.seller_id = :sellerId");
            row = "o.";
            createdAt = "a.order_created_at";
            orderId = "a.order_id";
        } else {
            select = "SELECT o.order_id FROM orders o";
            where.add("o.seller_id = :sellerId");
            row = "o.";
            createdAt = "o.created_at";
            orderId = "o.order_id";
        }
        if (f.attention() != null) {
            params.put("flag", f.attention().name());
        }
        if (f.status() != null) {
            where.add(row + "status = :status");
            params.put("status", f.status().name());
        }
        if (f.type() != null) {
            where.add(row + "order_type = :type");
            params.put("type", f.type().name());
        }
        if (f.createdFrom() != null) {
            where.add(createdAt + " >= :createdFrom");
            params.put("createdFrom", Timestamp.from(f.createdFrom()));
        }
        if (f.createdTo() != null) {
            where.add(createdAt + " < :createdTo");
            params.put("createdTo", Timestamp.from(f.createdTo()));
        }
        if (f.afterCreatedAt() != null) {
            where.add("(" + createdAt + ", " + orderId + ") < (:afterCreatedAt, :afterOrderId)");
            params.put("afterCreatedAt", Timestamp.from(f.afterCreatedAt()));
            params.put("afterOrderId", f.afterOrderId());
        }
        String sql = select + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY " + createdAt
                + " DESC, " + orderId + " DESC LIMIT " + (f.limit() + 1);
        return new SqlQuery(sql, params);
    }

    public record SqlQuery(String sql, Map<String, Object> params) {
        public void bind(Query query) {
            params.forEach(query::setParameter);
        }
    }

    public record Counts(Map<OrderStatus, Long> byStatus, Map<OrderType, Long> byType, Map<AttentionFlag, Long> byFlag,
            long needingAttention) {
    }

    /**
     * The dashboard's counts in one statement (one snapshot, one round trip), each part answered from an index alone:
     * {@code (seller_id, status, order_type)} and the flag rows' {@code (seller_id, flag, ...)}.
     */
    public Counts summary(String sellerId) {
        Map<OrderStatus, Long> byStatus = new EnumMap<>(OrderStatus.class);
        Map<OrderType, Long> byType = new EnumMap<>(OrderType.class);
        Map<AttentionFlag, Long> byFlag = new EnumMap<>(AttentionFlag.class);
        for (OrderStatus s : OrderStatus.values()) {
            byStatus.put(s, 0L);
        }
        for (OrderType t : OrderType.values()) {
            byType.put(t, 0L);
        }
        for (AttentionFlag a : AttentionFlag.values()) {
            byFlag.put(a, 0L);
        }
        long needing = 0;
        for (Object[] row : rows(SUMMARY_SQL, sellerId)) {
            long n = ((Number) row[3]).longValue();
            switch ((String) row[0]) {
                case "status" -> {
                    byStatus.merge(OrderStatus.valueOf((String) row[1]), n, Long::sum);
                    byType.merge(OrderType.valueOf((String) row[2]), n, Long::sum);
                }
                case "flag" -> byFlag.put(AttentionFlag.valueOf((String) row[1]), n);
                default -> needing = n;
            }
        }
        return new Counts(byStatus, byType, byFlag, needing);
    }

    /** {@link #summary}'s statement; public so that a test can EXPLAIN it. Its one parameter is the seller. */
    public static final String SUMMARY_SQL = """
            SELECT 'status', status, order_type, count(*) FROM orders WHERE seller_id = ?1 GROUP BY status, order_type
            UNION ALL SELECT 'flag', flag, NULL, count(*) FROM order_attention WHERE seller_id = ?1 GROUP BY flag
            UNION ALL SELECT 'needing', NULL, NULL, count(DISTINCT order_id) FROM order_attention WHERE seller_id = ?1""";

    /** Another open order's claim on a carrier's tracking number: ?1 carrier, ?2 tracking number, ?3 the order asking. */
    static final String OPEN_TRACKING_CLAIM_SQL = """
            SELECT 1 FROM orders WHERE lower(tracking_carrier) = lower(?1) AND tracking_number = ?2 AND order_id <> ?3
              AND status NOT IN ('DELIVERED', 'CANCELLED') LIMIT 1""";

    /**
     * Whether an order other than {@code orderId} that is neither delivered nor cancelled uses this carrier and
     * tracking number. Takes a transaction-scoped lock on the pair first, so two orders claiming the same number at
     * the same moment are decided one after the other.
     */
    public boolean trackingUsedByAnotherOpenOrder(String carrier, String trackingNumber, String orderId) {
        String pair = carrier.toLowerCase(Locale.ROOT) + ":" + trackingNumber;
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))").setParameter(1, "tracking:" + pair)
                .getSingleResult();
        return !em.createNativeQuery(OPEN_TRACKING_CLAIM_SQL)
                .setParameter(1, carrier).setParameter(2, trackingNumber).setParameter(3, orderId)
                .getResultList().isEmpty();
    }

    /** Where a pass over stale-status candidates has got to: the last order seen, in (statusChangedAt, orderId) order. */
    public record StaleCursor(Instant statusChangedAt, String orderId) {
        public static final StaleCursor START = new StaleCursor(Instant.EPOCH, "");
    }

    /**
     * Open orders in status ?1 since before ?2, after the cursor (?3, ?4), without flag ?5, oldest first, at most ?6.
     * The open-status condition is spelled out so that a plan made for any status (a generic plan) may use the
     * partial index {@code orders_open_status_since} (V6) too: the pass then reads that index, not the orders' rows.
     */
    static final String STALE_CANDIDATES_SQL = """
            SELECT o.order_id FROM orders o
            WHERE o.status = ?1 AND o.status NOT IN ('DELIVERED', 'CANCELLED') AND o.status_changed_at < ?2
              AND (o.status_changed_at, o.order_id) > (?3, ?4)
              AND NOT EXISTS (SELECT 1 FROM order_attention a WHERE a.order_id = o.order_id AND a.flag = ?5)
            ORDER BY o.status_changed_at, o.order_id
            LIMIT ?6""";

    /**
     * Orders in {@code status} since before {@code changedBefore} that do not carry {@code flag} yet, after
     * {@code after}, oldest first: flagged orders never fill a page, so a pass reaches every candidate.
     */
    @SuppressWarnings("unchecked")
    public List<OrderEntity> unflaggedInStatusSince(OrderStatus status, Instant changedBefore, AttentionFlag flag,
            StaleCursor after, int limit) {
        List<String> ids = em.createNativeQuery(STALE_CANDIDATES_SQL)
                .setParameter(1, status.name()).setParameter(2, Timestamp.from(changedBefore))
                .setParameter(3, Timestamp.from(after.statusChangedAt())).setParameter(4, after.orderId())
                .setParameter(5, flag.name()).setParameter(6, limit)
                .getResultList();
        return ids.stream().map(id -> OrderEntity.<OrderEntity>findById(id)).toList();
    }

    /** Ids of orders carrying {@code flag} after {@code afterOrderId}, in id order, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public List<String> flagged(AttentionFlag flag, String afterOrderId, int limit) {
        return em.createNativeQuery("SELECT order_id FROM order_attention WHERE flag = ?1 AND order_id > ?2 ORDER BY order_id LIMIT ?3")
                .setParameter(1, flag.name()).setParameter(2, afterOrderId).setParameter(3, limit).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String sellerId) {
        return new ArrayList<>(em.createNativeQuery(sql).setParameter(1, sellerId).getResultList());
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
