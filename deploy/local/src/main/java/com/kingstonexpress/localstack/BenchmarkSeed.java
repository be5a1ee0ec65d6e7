package com.kingstonexpress.localstack;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's read-side data, written straight into order-service's own tables (one {@code INSERT ... SELECT
 * FROM generate_series} per 50,000 orders, computed inside PostgreSQL: no rows cross the wire): {@code total}
 * orders, {@code sellerOrders} of them for {@link #BIG_SELLER}, the rest spread over 9,000 other sellers. Each has
 * one line; statuses mostly delivered (5% NEW), a third Kingston-dispatched, 1% with an attention flag, SKUs from
 * 100 products (so {@code q} matches about 1%), one order every 20 s going back in time.
 *
 * <p>Only read scenarios use these orders (get, list, dashboard), so no other service needs to know them: the
 * scenarios that change orders (actions, center events) use orders created through the API during the run, which
 * every consumer learns about as in production. Kept across runs: {@code kx_bench.seed} records what was written.
 */
final class BenchmarkSeed {

    /** Every seeded order's seller starts with it, and no API-placed order's does: tools tell the seed (no events) by it. */
    static final String SELLER_PREFIX = "bench-seed-";
    static final String BIG_SELLER = SELLER_PREFIX + "big";
    private static final int CHUNK = 50_000;

    private BenchmarkSeed() {
    }

    /** Seeds what is missing; returns quickly when an earlier run already wrote the same amounts. */
    static void ensure(Connection orders, long total, long sellerOrders, PrintStream out) throws SQLException {
        try (Statement s = orders.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS kx_bench");
            s.execute("CREATE TABLE IF NOT EXISTS kx_bench.seed (name TEXT PRIMARY KEY, total BIGINT NOT NULL, seller_orders BIGINT NOT NULL, done BIGINT NOT NULL)");
        }
        long done = 0;
        try (PreparedStatement q = orders.prepareStatement("SELECT total, seller_orders, done FROM kx_bench.seed WHERE name = 'orders'");
                ResultSet rs = q.executeQuery()) {
            if (rs.next()) {
                if (rs.getLong(1) != total || rs.getLong(2) != sellerOrders) {
                    throw new IllegalStateException("this stack holds a benchmark seed of " + rs.getLong(1) + " orders (" + rs.getLong(2)
                            + " for " + BIG_SELLER + "); run with the same --seed-total/--seed-seller-orders, or start from an empty data folder");
                }
                done = rs.getLong(3);
            }
        }
        if (done >= total) {
            out.printf("seed: %,d orders already there (%,d for %s)%n", total, sellerOrders, BIG_SELLER);
            return;
        }
        boolean autoCommit = orders.getAutoCommit();
        orders.setAutoCommit(false);
        long started = System.nanoTime();
        try {
            for (long from = done + 1; from <= total; from += CHUNK) {
                long to = Math.min(total, from + CHUNK - 1);
                insertChunk(orders, from, to, sellerOrders);
                try (PreparedStatement mark = orders.prepareStatement("""
                        INSERT INTO kx_bench.seed (name, total, seller_orders, done) VALUES ('orders', ?, ?, ?)
                        ON CONFLICT (name) DO UPDATE SET done = EXCLUDED.done""")) {
                    mark.setLong(1, total);
                    mark.setLong(2, sellerOrders);
                    mark.setLong(3, to);
                    mark.executeUpdate();
                }
                orders.commit();
                out.printf("seed: %,d of %,d orders (%.0f s)%n", to, total, (System.nanoTime() - started) / 1e9);
            }
        } catch (SQLException | RuntimeException e) {
            orders.rollback();
            throw e;
        } finally {
            orders.setAutoCommit(autoCommit);
        }
        try (Statement s = orders.createStatement()) {
            s.execute("ANALYZE orders");
            s.execute("ANALYZE order_line");
            s.execute("ANALYZE order_attention");
        }
        out.printf("seed: done in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static void insertChunk(Connection c, long from, long to, long sellerOrders) throws SQLException {
        // Order i: the big seller's for i <= sellerOrders. Status by i % 20: 0 NEW, 1 PROCESSING, 2 SHIPPED,
        // 3 IN_TRANSIT, 4 CANCELLED, else DELIVERED.
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO orders (order_id, seller_id, customer_id, customer_name, order_type, status, fulfillment_center_id,
                    shipping_method, notes, addr_name, addr_line1, addr_city, addr_region, addr_postal_code, addr_country, addr_phone,
                    address_confirmed_at, search_text, created_at, updated_at, status_changed_at, version)
                SELECT id, seller, 'customer-' || (i % 50000), 'Customer ' || (i % 50000), type, status,
                    CASE WHEN type = 'KINGSTON_DISPATCHED' THEN 'center-london-1' END, 'STANDARD', '',
                    'Customer ' || (i % 50000), i || ' Bench Road', 'Leeds', 'England', 'LS1 1AA', 'GB', '+44 113 000 0000',
                    CASE WHEN status NOT IN ('NEW', 'PROCESSING') THEN created END,
                    lower(id || ' customer ' || (i % 50000) || ' kx-sku-' || lpad((i % 100)::text, 4, '0') || ' bench item ' || (i % 100)),
                    created, created, created, 0
                FROM (SELECT i, md5('kx-seed-' || i)::uuid::text AS id,
                        CASE WHEN i <= ? THEN ? ELSE ? || (i % 9000) END AS seller,
                        CASE WHEN i % 3 = 0 THEN 'KINGSTON_DISPATCHED' ELSE 'SELLER_MANAGED' END AS type,
                        CASE i % 20 WHEN 0 THEN 'NEW' WHEN 1 THEN 'PROCESSING' WHEN 2 THEN 'SHIPPED' WHEN 3 THEN 'IN_TRANSIT'
                            WHEN 4 THEN 'CANCELLED' ELSE 'DELIVERED' END AS status,
                        now() - (i * interval '20 seconds') AS created
                      FROM generate_series(?::bigint, ?::bigint) AS i) AS g
                ON CONFLICT (order_id) DO NOTHING""")) {
            insert.setLong(1, sellerOrders);
            insert.setString(2, BIG_SELLER);
            insert.setString(3, SELLER_PREFIX);
            insert.setLong(4, from);
            insert.setLong(5, to);
            insert.executeUpdate();
        }
        try (PreparedStatement lines = c.prepareStatement("""
                INSERT INTO order_line (order_id, line_no, sku, title, quantity, unit_amount, currency)
                SELECT md5('kx-seed-' || i)::uuid::text, 0, 'KX-SKU-' || lpad((i % 100)::text, 4, '0'), 'Bench item ' || (i % 100),
                    1 + i % 3, 9.99, 'GBP'
                FROM generate_series(?::bigint, ?::bigint) AS i
                ON CONFLICT DO NOTHING""")) {
            lines.setLong(1, from);
            lines.setLong(2, to);
            lines.executeUpdate();
        }
        // Open orders past order-service's default stale thresholds (NEW 24 h, PROCESSING 48 h, SHIPPED 72 h,
        // IN_TRANSIT 120 h) carry STATUS_NOT_UPDATING already, as the stale-status job would have left them. Without
        // it the job flags some 200,000 seeded orders after start-up, and the events that follow load the machine
        // through every measurement.
        try (PreparedStatement stale = c.prepareStatement("""
                INSERT INTO order_attention (order_id, flag, raised_at)
                SELECT md5('kx-seed-' || i)::uuid::text, 'STATUS_NOT_UPDATING', now()
                FROM generate_series(?::bigint, ?::bigint) AS i
                WHERE (i % 20 = 0 AND i * interval '20 seconds' > interval '24 hours')
                   OR (i % 20 = 1 AND i * interval '20 seconds' > interval '48 hours')
                   OR (i % 20 = 2 AND i * interval '20 seconds' > interval '72 hours')
                   OR (i % 20 = 3 AND i * interval '20 seconds' > interval '120 hours')
                ON CONFLICT DO NOTHING""")) {
            stale.setLong(1, from);
            stale.setLong(2, to);
            stale.executeUpdate();
        }
        try (PreparedStatement flags = c.prepareStatement("""
                INSERT INTO order_attention (order_id, flag, raised_at)
                SELECT md5('kx-seed-' || i)::uuid::text, 'ADDRESS_ISSUE', now() - (i * interval '20 seconds')
                FROM generate_series(?::bigint, ?::bigint) AS i WHERE i % 100 = 7
                ON CONFLICT DO NOTHING""")) {
            flags.setLong(1, from);
            flags.setLong(2, to);
            flags.executeUpdate();
        }
    }
}
