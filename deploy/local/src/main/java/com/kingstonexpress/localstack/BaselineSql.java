package com.kingstonexpress.localstack;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmark's baselines: the SQL each scenario issues in order-service, statement for statement, as captured
 * from the running service (Hibernate's SQL log, {@code QUARKUS_HIBERNATE_ORM_LOG_SQL=true}, plus the platform's
 * own JDBC statements for the idempotency key, the outbox and the event sequence), replayed by plain JDBC with one
 * transaction per operation. Writes go to {@code kx_bench}, a copy of order-service's tables (same columns,
 * indexes and constraints) in the same database, so a baseline order never reaches a consumer; reads run on the
 * service's own tables and seeded data. When a scenario's SQL changes, capture it again and update it here.
 */
final class BaselineSql {

    static final String BENCH_SCHEMA = "kx_bench";

    // ---- create order (PlaceOrder with an Idempotency-Key), in this order, one transaction ----
    /** {@code Outbox.append}: the subject's next sequence number and the outbox row, in one statement. */
    static final String APPEND = """
            WITH numbered AS (
                INSERT INTO kx_event_sequence (subject, last_seq) VALUES (?, 1)
                ON CONFLICT (subject) DO UPDATE SET last_seq = kx_event_sequence.last_seq + 1
                RETURNING last_seq),
            appended AS (
                INSERT INTO kx_outbox (event_id, topic, record_key, event_type, payload)
                SELECT ?, ?, ?, ?, '{"sequence":' || last_seq || ',' || ? FROM numbered
                RETURNING 1)
            SELECT last_seq FROM numbered, appended""";
    /** The floor's outbox row: a plain insert. */
    static final String OUTBOX = "INSERT INTO kx_outbox (event_id, topic, record_key, event_type, payload) VALUES (?, ?, ?, ?, ?)";
    static final String INSERT_ORDER = "insert into orders (address_confirmed_at, created_at, customer_id, customer_name, addr_city, addr_country,"
            + " addr_line1, addr_line2, addr_name, addr_phone, addr_postal_code, addr_region, fulfillment_center_id, notes, search_text, seller_id,"
            + " shipping_method, status, status_changed_at, tracking_carrier, tracking_number, order_type, updated_at, version, order_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_LINE = "insert into order_line (order_id, line_no, currency, quantity, sku, title, unit_amount) values (?, ?, ?, ?, ?, ?, ?)";
    /** {@code IdempotencyKeys.once}: the key with its answer, after the create's own statements. */
    static final String IDEMPOTENCY_STORE = "INSERT INTO kx_idempotency_key (scope, idem_key, request_hash, response_status,"
            + " response_location, response_body) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    // ---- get order (seller) ----
    static final String ORDER_COLUMNS = "oe1_0.order_id, oe1_0.address_confirmed_at, oe1_0.created_at, oe1_0.customer_id, oe1_0.customer_name,"
            + " oe1_0.addr_city, oe1_0.addr_country, oe1_0.addr_line1, oe1_0.addr_line2, oe1_0.addr_name, oe1_0.addr_phone, oe1_0.addr_postal_code,"
            + " oe1_0.addr_region, oe1_0.fulfillment_center_id, oe1_0.notes, oe1_0.search_text, oe1_0.seller_id, oe1_0.shipping_method, oe1_0.status,"
            + " oe1_0.status_changed_at, oe1_0.tracking_carrier, oe1_0.tracking_number, oe1_0.order_type, oe1_0.updated_at, oe1_0.version";
    /**
     * {@code OrderEntity.WITH_DETAILS}: the order with its lines, flags and evidence joined. Hibernate interleaves the
     * columns; here the order's come first (as in {@link #ORDER_COLUMNS}), so that start-processing can copy them.
     */
    private static final String ORDER_WITH_DETAILS = "select " + ORDER_COLUMNS
            + ", a1_0.order_id, a1_0.flag, a1_0.raised_at, e1_0.order_id, e1_0.position, e1_0.recorded_at, e1_0.kind, e1_0.reference,"
            + " l1_0.order_id, l1_0.line_no, l1_0.currency, l1_0.quantity, l1_0.sku, l1_0.title, l1_0.unit_amount"
            + " from orders oe1_0 left join order_line l1_0 on oe1_0.order_id=l1_0.order_id"
            + " left join order_attention a1_0 on oe1_0.order_id=a1_0.order_id"
            + " left join order_delivery_evidence e1_0 on oe1_0.order_id=e1_0.order_id";
    static final String ORDER_BY_ID = ORDER_WITH_DETAILS + " where oe1_0.order_id=?";

    // ---- list (OrderQueries.listSql, then the page's orders with their collections) ----
    /** Hibernate lists the page's ids as {@code in (?, ?, ...)}, one parameter each. */
    static final String ORDERS_BY_IDS = ORDER_WITH_DETAILS + " where oe1_0.order_id in (";

    // ---- summary (part of the dashboard) ----
    static final String SUMMARY = "SELECT 'status', status, order_type, count(*) FROM orders WHERE seller_id = ? GROUP BY status, order_type"
            + " UNION ALL SELECT 'flag', flag, NULL, count(*) FROM order_attention WHERE seller_id = ? GROUP BY flag"
            + " UNION ALL SELECT 'needing', NULL, NULL, count(DISTINCT order_id) FROM order_attention WHERE seller_id = ?";

    // ---- start-processing (after the order read) ----
    /** The entry's id is drawn by the service in blocks of 50 ({@link #historyId}), so the insert names it. */
    static final String HISTORY = "insert into order_status_history (actor_id, actor_kind, changed_at, event_id, event_seq, from_status, order_id,"
            + " reason, source_event_id, to_status, id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE_ORDER = "update orders set address_confirmed_at=?, created_at=?, customer_id=?, customer_name=?, addr_city=?,"
            + " addr_country=?, addr_line1=?, addr_line2=?, addr_name=?, addr_phone=?, addr_postal_code=?, addr_region=?, fulfillment_center_id=?,"
            + " notes=?, search_text=?, seller_id=?, shipping_method=?, status=?, status_changed_at=?, tracking_carrier=?, tracking_number=?,"
            + " order_type=?, updated_at=?, version=? where order_id=? and version=?";

    /** An event payload and a response body of the sizes the service writes (about 1 KiB and 750 bytes). */
    private static final String PAYLOAD = "{\"specversion\":\"1.0\",\"type\":\"kx.order.placed.v1\",\"data\":{" + "\"x\":\"" + "p".repeat(900) + "\"}}";
    private static final String RESPONSE = "{\"orderId\":\"" + "r".repeat(720) + "\"}";

    private static final int HISTORY_ID_BLOCK = 50;
    private static long nextHistoryId;
    private static long historyIdsEnd;

    private BaselineSql() {
    }

    /** Creates {@code kx_bench} with empty copies of the tables the write baselines touch, once. */
    static void prepare(Connection c) throws SQLException {
        forgetHistoryIds();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + BENCH_SCHEMA);
            for (String table : List.of("orders", "order_line", "order_attention", "order_delivery_evidence", "order_status_history", "platform_incident",
                    "kx_outbox", "kx_event_sequence", "kx_idempotency_key")) {
                s.execute("CREATE TABLE IF NOT EXISTS " + BENCH_SCHEMA + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
                addMissingColumns(c, table);
            }
            // LIKE copies no triggers; the history's insert trigger runs for every entry the service writes.
            s.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'bench_history_event_seq') THEN
                        CREATE TRIGGER bench_history_event_seq BEFORE INSERT ON kx_bench.order_status_history
                            FOR EACH ROW EXECUTE FUNCTION public.order_status_history_event_seq();
                      END IF;
                    END $$""");
            // Foreign keys are not copied by LIKE; the service's inserts pay for them, so the baseline does too.
            s.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'bench_order_line_order') THEN
                        ALTER TABLE kx_bench.order_line ADD CONSTRAINT bench_order_line_order FOREIGN KEY (order_id) REFERENCES kx_bench.orders (order_id);
                        ALTER TABLE kx_bench.order_status_history ADD CONSTRAINT bench_history_order FOREIGN KEY (order_id) REFERENCES kx_bench.orders (order_id);
                      END IF;
                    END $$""");
        }
    }

    /** A copy made by an earlier run lacks the columns that order-service's migrations added since. */
    private static void addMissingColumns(Connection c, String table) throws SQLException {
        List<String> missing = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("""
                SELECT format('%I %s', p.attname, format_type(p.atttypid, p.atttypmod)) FROM pg_attribute p
                WHERE p.attrelid = ('public.' || ?)::regclass AND p.attnum > 0 AND NOT p.attisdropped
                  AND NOT EXISTS (SELECT 1 FROM pg_attribute b WHERE b.attrelid = ('kx_bench.' || ?)::regclass AND b.attname = p.attname)""")) {
            p.setString(1, table);
            p.setString(2, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    missing.add(rs.getString(1));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String column : missing) {
                s.execute("ALTER TABLE " + BENCH_SCHEMA + "." + table + " ADD COLUMN " + column);
            }
        }
    }

    /** The create's SQL, in {@code kx_bench}. */
    static void createOrder(Connection c) throws SQLException {
        String id = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        appendEvent(c, id);
        insertOrder(c, id, now);
        try (PreparedStatement p = c.prepareStatement(INSERT_LINE)) {
            p.setString(1, id);
            p.setInt(2, 0);
            p.setString(3, "GBP");
            p.setInt(4, 1);
            p.setString(5, "BENCH-1");
            p.setString(6, "Bench item");
            p.setBigDecimal(7, new BigDecimal("9.99"));
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement(IDEMPOTENCY_STORE)) {
            p.setString(1, "storefront");
            p.setString(2, key);
            p.setString(3, "0".repeat(64));
            p.setInt(4, 201);
            p.setString(5, "/api/v1/orders/" + id);
            p.setString(6, RESPONSE);
            p.executeUpdate();
        }
    }

    /** The floor: the order row and its outbox row, nothing else. */
    static void insertPlusOutbox(Connection c) throws SQLException {
        String id = UUID.randomUUID().toString();
        insertOrder(c, id, Timestamp.from(Instant.now()));
        try (PreparedStatement p = c.prepareStatement(OUTBOX)) {
            p.setObject(1, UUID.randomUUID());
            p.setString(2, "kx.orders.v1");
            p.setString(3, id);
            p.setString(4, "kx.order.placed.v1");
            p.setString(5, PAYLOAD);
            p.executeUpdate();
        }
    }

    /** The event's sequence number among its subject's events. */
    private static long appendEvent(Connection c, String subject) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(APPEND)) {
            p.setString(1, subject);
            p.setObject(2, UUID.randomUUID());
            p.setString(3, "kx.orders.v1");
            p.setString(4, subject);
            p.setString(5, "kx.order.placed.v1");
            p.setString(6, PAYLOAD.substring(1));
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A block drawn from another run's database is not this one's. */
    private static synchronized void forgetHistoryIds() {
        nextHistoryId = 0;
        historyIdsEnd = 0;
    }

    /** As order-service's pooled ids: one call of the sequence per 50 entries, the block ending at the value it gives. */
    private static synchronized long historyId(Connection c) throws SQLException {
        if (nextHistoryId == historyIdsEnd) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT nextval('public.order_status_history_id_seq')")) {
                rs.next();
                historyIdsEnd = rs.getLong(1) + 1;
                nextHistoryId = historyIdsEnd - HISTORY_ID_BLOCK;
            }
        }
        return nextHistoryId++;
    }

    private static void insertOrder(Connection c, String id, Timestamp now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(INSERT_ORDER)) {
            p.setTimestamp(1, null);
            p.setTimestamp(2, now);
            p.setString(3, "bench-customer");
            p.setString(4, "Bench Customer");
            p.setString(5, "Leeds");
            p.setString(6, "GB");
            p.setString(7, "1 Bench Road");
            p.setString(8, null);
            p.setString(9, "Bench");
            p.setString(10, "+44 113 000 0000");
            p.setString(11, "LS1 1AA");
            p.setString(12, "England");
            p.setString(13, null);
            p.setString(14, "");
            p.setString(15, id + " bench customer bench-1 bench item");
            p.setString(16, "bench-seller-jdbc");
            p.setString(17, "STANDARD");
            p.setString(18, "NEW");
            p.setTimestamp(19, now);
            p.setString(20, null);
            p.setString(21, null);
            p.setString(22, "SELLER_MANAGED");
            p.setTimestamp(23, now);
            p.setLong(24, 0);
            p.setString(25, id);
            p.executeUpdate();
        }
    }

    /** Get one order: the order with its lines, flags and evidence (public tables). */
    static void getOrder(Connection c, List<String> ids) throws SQLException {
        drain(c, ORDER_BY_ID, ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
    }

    /** A list filter: the query string the API takes and the arguments {@code OrderQueries.listSql} binds. */
    record ListFilter(String status, String type, String attention, String text, Instant from, Instant to) {
        static ListFilter none() {
            return new ListFilter(null, null, null, null, null, null);
        }

        static ListFilter status(String s) {
            return new ListFilter(s, null, null, null, null, null);
        }

        static ListFilter type(String t) {
            return new ListFilter(null, t, null, null, null, null);
        }

        static ListFilter attention(String a) {
            return new ListFilter(null, null, a, null, null, null);
        }

        static ListFilter text(String q) {
            return new ListFilter(null, null, null, q, null, null);
        }

        static ListFilter created(Instant from, Instant to) {
            return new ListFilter(null, null, null, null, from, to);
        }

        String queryString() {
            StringBuilder q = new StringBuilder();
            if (status != null) {
                q.append("&status=").append(status);
            }
            if (type != null) {
                q.append("&type=").append(type);
            }
            if (attention != null) {
                q.append("&attention=").append(attention);
            }
            if (text != null) {
                q.append("&q=").append(Benchmark.encode(text));
            }
            if (from != null) {
                q.append("&createdFrom=").append(Benchmark.encode(from.toString()));
            }
            if (to != null) {
                q.append("&createdTo=").append(Benchmark.encode(to.toString()));
            }
            return q.toString();
        }
    }

    /** One page of 50: the id query of {@code OrderQueries.listSql}, then the orders with their collections. */
    static void list(Connection c, String sellerId, ListFilter f) throws SQLException {
        page(c, sellerId, f, 50);
    }

    private static void page(Connection c, String sellerId, ListFilter f, int limit) throws SQLException {
        // As order-service's OrderQueries.listSql: a text search first finds the seller's matches (with the columns
        // the filters need), a flag alone walks the seller's flag rows newest first, anything else the seller's orders.
        List<Object> args = new ArrayList<>();
        List<String> where = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        String row;
        String createdAt;
        String orderId;
        if (f.text() != null) {
            sql.append("WITH m AS MATERIALIZED (SELECT order_id, created_at, status, order_type FROM orders"
                    + " WHERE seller_id = ? AND search_text LIKE ?) SELECT m.order_id FROM m");
            args.add(sellerId);
            args.add("%" + f.text() + "%");
            row = "m.";
            createdAt = "m.created_at";
            orderId = "m.order_id";
            if (f.attention() != null) {
                where.add("EXISTS (SELECT 1 FROM order_attention a WHERE a.order_id = m.order_id AND a.seller_id = ? AND a.flag = ?)");
                args.add(sellerId);
                args.add(f.attention());
            }
        } else if (f.attention() != null) {
            sql.append("SELECT a.order_id FROM order_attention a JOIN orders o ON o.order_id = a.order_id");
            where.add("a.seller_id = ? AND a.flag = ? AND o.seller_id = ?");
            args.add(sellerId);
            args.add(f.attention());
            args.add(sellerId);
            row = "o.";
            createdAt = "a.order_created_at";
            orderId = "a.order_id";
        } else {
            sql.append("SELECT o.order_id FROM orders o");
            where.add("o.seller_id = ?");
            args.add(sellerId);
            row = "o.";
            createdAt = "o.created_at";
            orderId = "o.order_id";
        }
        if (f.status() != null) {
            where.add(row + "status = ?");
            args.add(f.status());
        }
        if (f.type() != null) {
            where.add(row + "order_type = ?");
            args.add(f.type());
        }
        if (f.from() != null) {
            where.add(createdAt + " >= ?");
            args.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.add(createdAt + " < ?");
            args.add(Timestamp.from(f.to()));
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY ").append(createdAt).append(" DESC, ").append(orderId).append(" DESC LIMIT ").append(limit + 1);
        List<String> ids = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                p.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        drain(c, ORDERS_BY_IDS + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")", ids.toArray());
    }

    /** order-service's share of the dashboard: NEW orders, one list per attention flag (10 each), the summary. */
    static void dashboardOrders(Connection c, String sellerId) throws SQLException {
        page(c, sellerId, ListFilter.status("NEW"), 10);
        for (String flag : List.of("ADDRESS_ISSUE", "DELIVERY_ATTEMPT_FAILED", "CUSTOMS_HOLD", "STATUS_NOT_UPDATING", "CUSTOMER_AWAITING_REPLY")) {
            page(c, sellerId, ListFilter.attention(flag), 10);
        }
        drain(c, SUMMARY, sellerId, sellerId, sellerId);
    }

    /** NEW orders the create baseline wrote to {@code kx_bench}, for the start-processing baseline. */
    static List<String> newBaselineOrders(Connection c, int max) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT order_id FROM " + BENCH_SCHEMA + ".orders WHERE status = 'NEW' LIMIT ?")) {
            p.setInt(1, max);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** start-processing's SQL, in {@code kx_bench}: the order read, sequence + outbox, history, the versioned update. */
    static void startProcessing(Connection c, String id) throws SQLException {
        Object[] row;
        try (PreparedStatement p = c.prepareStatement(ORDER_BY_ID)) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no order " + id);
                }
                row = new Object[ORDER_COLUMNS.split(",").length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
            }
        }
        long eventSeq = appendEvent(c, id);
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement p = c.prepareStatement(HISTORY)) {
            p.setString(1, "seller-user-bench");
            p.setString(2, "SELLER");
            p.setTimestamp(3, now);
            p.setString(4, UUID.randomUUID().toString());
            p.setLong(5, eventSeq);
            p.setString(6, "NEW");
            p.setString(7, id);
            p.setString(8, null);
            p.setString(9, null);
            p.setString(10, "PROCESSING");
            p.setLong(11, historyId(c));
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement(UPDATE_ORDER)) {
            // row: order_id, then the 24 columns in the update's order, version last
            for (int i = 1; i < row.length; i++) {
                p.setObject(i, row[i]);
            }
            p.setString(18, "PROCESSING");
            p.setTimestamp(19, now);
            p.setTimestamp(23, now);
            long version = ((Number) row[24]).longValue();
            p.setLong(24, version + 1);
            p.setString(25, id);
            p.setLong(26, version);
            p.executeUpdate();
        }
    }

    private static void drain(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof java.sql.Array a) {
                    p.setArray(i + 1, a);
                } else {
                    p.setObject(i + 1, args[i]);
                }
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
    }
}
