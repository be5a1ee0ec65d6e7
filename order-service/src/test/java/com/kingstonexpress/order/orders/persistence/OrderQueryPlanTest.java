package com.kingstonexpress.order.orders.persistence;

import static com.kingstonexpress.order.Fixtures.as;
import static com.kingstonexpress.order.Fixtures.seller;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The seller's list stays index-backed with many orders: 20,000 orders for one seller among 40,000 (the other
 * 20,000 each of its own seller: sellers' sizes vary by orders of magnitude, as in production),
 * VACUUM ANALYZE (as autovacuum would), EXPLAIN ANALYZE of exactly the SQL the list runs. The timings are printed (see the README).
 */
@QuarkusTest
class OrderQueryPlanTest {

    private static final Logger LOG = Logger.getLogger(OrderQueryPlanTest.class);
    private static final String SELLER = "perf-seller";
    private static boolean loaded;

    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void load() throws SQLException {
        if (loaded) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO orders (order_id, seller_id, customer_id, customer_name, order_type, status, fulfillment_center_id,
                        shipping_method, addr_name, addr_line1, addr_city, addr_region, addr_postal_code, addr_country, search_text,
                        created_at, updated_at, status_changed_at, version)
                    SELECT 'perf-' || n, CASE WHEN n % 2 = 0 THEN 'perf-seller' ELSE 'perf-other-' || n END, 'cust-' || n,
                        'Customer ' || n, CASE WHEN n % 3 = 0 THEN 'KINGSTON_DISPATCHED' ELSE 'SELLER_MANAGED' END,
                        CASE WHEN n % 7 = 0 THEN 'CANCELLED' ELSE 'DELIVERED' END,
                        CASE WHEN n % 3 = 0 THEN 'center-london-1' END, 'STANDARD', 'Name', 'Line 1', 'London', 'Greater London',
                        'SW1', 'GB', lower('perf-' || n || ' customer ' || n || ' sku-' || substr(md5((n % 1000)::text), 1, 8) || ' title ' || n),
                        now() - make_interval(mins => n), now() - make_interval(mins => n), now() - make_interval(mins => n), 0
                    FROM generate_series(1, 40000) AS n""").executeUpdate();
            // Every 10th of the other sellers' orders shipped with tracking: open claims the tracking check looks up.
            em.createNativeQuery("""
                    UPDATE orders SET status = 'SHIPPED', tracking_carrier = 'Royal Parcel', tracking_number = 'RP-' || order_id
                    WHERE order_id LIKE 'perf-%' AND seller_id <> 'perf-seller' AND substr(order_id, length(order_id)) = '1'""")
                    .executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO order_attention (order_id, flag, raised_at)
                    SELECT 'perf-' || n, 'CUSTOMS_HOLD', now() FROM generate_series(500, 40000, 500) AS n""").executeUpdate();
            // The stale-status job's flag on every shipped order but perf-1, perf-1001, ... perf-39001: a pass walks
            // past thousands of flagged orders to find the few it has to flag.
            em.createNativeQuery("""
                    INSERT INTO order_attention (order_id, flag, raised_at)
                    SELECT order_id, 'STATUS_NOT_UPDATING', now() FROM orders
                    WHERE order_id LIKE 'perf-%' AND status = 'SHIPPED' AND order_id NOT LIKE '%001'""").executeUpdate();
            // Other sellers' flags, ten times as many: the filter must not read them (#12 L11).
            em.createNativeQuery("""
                    INSERT INTO order_attention (order_id, flag, raised_at)
                    SELECT 'perf-' || n, 'CUSTOMS_HOLD', now() FROM generate_series(1, 40000, 50) AS n WHERE n % 2 = 1""")
                    .executeUpdate();
        });
        // What autovacuum does in production: statistics, and the GIN index's own counts (only VACUUM updates
        // those; without them the planner guesses the cost of a trigram search).
        try (Connection c = dataSource.getConnection(); Statement vacuum = c.createStatement()) {
            vacuum.execute("VACUUM ANALYZE orders");
            vacuum.execute("VACUUM ANALYZE order_attention");
        }
        loaded = true;
    }

    @Test
    void theListQueriesUseTheirIndexes() {
        Instant weekAgo = Instant.now().minus(7, ChronoUnit.DAYS);
        String first = explain(filter(null, null, null, null));
        assertIndexScan(first, "orders_seller_created");
        String deeperPage = explain(new OrderFilter(SELLER, null, null, null, null, null, null, weekAgo, "perf-9000", 20));
        assertIndexScan(deeperPage, "orders_seller_created");
        assertIndexScan(explain(filter(OrderStatus.CANCELLED, null, null, null)), "orders_seller_status_created");
        assertIndexScan(explain(filter(null, OrderType.KINGSTON_DISPATCHED, null, null)), "orders_seller_type_created");
        assertIndexScan(explain(filter(null, null, md5Prefix("42").toUpperCase(Locale.ROOT), null)), "orders_seller_search_trgm");
        assertIndexScan(explain(filter(null, null, null, weekAgo)), "orders_seller_created");
        String flagged = explain(new OrderFilter(SELLER, null, null, AttentionFlag.CUSTOMS_HOLD, null, null, null, null, null, 20));
        assertIndexScan(flagged, "order_attention_seller_flag_created");
        assertIndexScan(flagged, "orders_pkey");
        // Newest first straight from the index, stopping at the page: no sort of all the seller's flagged orders.
        assertFalse(flagged.contains("Sort"), "the flagged list sorts instead of walking its index:\n" + flagged);
        String flaggedDeeper = explain(
                new OrderFilter(SELLER, null, null, AttentionFlag.CUSTOMS_HOLD, null, null, null, weekAgo, "perf-9000", 20));
        assertIndexScan(flaggedDeeper, "order_attention_seller_flag_created");
        assertFalse(flaggedDeeper.contains("Sort"), flaggedDeeper);
    }

    @Test
    void aSellersTrackingIsCheckedAgainstOpenClaimsThroughAnIndex() {
        Query query = em.createNativeQuery("EXPLAIN (ANALYZE, BUFFERS) " + OrderQueries.OPEN_TRACKING_CLAIM_SQL)
                .setParameter(1, "Royal Parcel").setParameter(2, "RP-perf-4241").setParameter(3, "perf-1");
        @SuppressWarnings("unchecked")
        String plan = ((List<Object>) query.getResultList()).stream().map(Object::toString).collect(Collectors.joining("\n"));
        LOG.infof("plan for the tracking claim check:%n%s", plan);
        assertIndexScan(plan, "orders_open_tracking");
    }

    @Test
    void aTextSearchKeepsItsIndexWhenTheStatementIsPreparedOnTheServer() throws SQLException {
        // As the driver does after 5 runs of a statement: a server-side prepared statement, run again and again.
        // PostgreSQL may then plan once for any value; that generic plan cannot use the trigram index.
        String sql = OrderQueries.listSql(filter(null, null, md5Prefix("42"), null)).sql()
                .replace(":sellerId", "$1").replace(":text", "$2");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("PREPARE text_search(text, text) AS " + sql);
            String execute = "EXECUTE text_search('" + SELLER + "', '%" + md5Prefix("42") + "%')";
            for (int run = 1; run <= 6; run++) {
                s.execute(execute);
            }
            StringBuilder plan = new StringBuilder();
            try (var rs = s.executeQuery("EXPLAIN " + execute)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            s.execute("DEALLOCATE text_search");
            LOG.infof("plan of the 7th run of a prepared text search:%n%s", plan);
            assertIndexScan(plan.toString(), "orders_seller_search_trgm");
        }
    }

    @Test
    void theStaleStatusPassReadsOneIndexEvenWhenPlannedForAnyStatus() throws SQLException {
        // The service plans each statement for its values (force_custom_plan); a plan made for any status, forced
        // here, must still read the partial index alone, so that the pass does not hang on that setting.
        String sql = OrderQueries.STALE_CANDIDATES_SQL;
        for (int i = 1; i <= 6; i++) {
            sql = sql.replace("?" + i, "$" + i);
        }
        String run = "EXECUTE stale('SHIPPED', now() - interval '72 hours', 'epoch', '', 'STATUS_NOT_UPDATING', 200)";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("PREPARE stale(text, timestamptz, timestamptz, text, text, int) AS " + sql);
            StringBuilder plan = new StringBuilder();
            try (var rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + run)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            List<String> candidates = new java.util.ArrayList<>();
            try (var rs = s.executeQuery(run)) {
                while (rs.next()) {
                    candidates.add(rs.getString(1));
                }
            }
            s.execute("DEALLOCATE stale");
            s.execute("RESET plan_cache_mode");
            LOG.infof("generic plan of the stale-status candidates:%n%s", plan);
            assertIndexScan(plan.toString(), "Index Only Scan using orders_open_status_since");
            // Shipped, unflagged and changed more than 72 hours (4,320 minutes) ago: perf-39001 (oldest) ... perf-5001.
            List<String> expected = java.util.stream.IntStream.iterate(39, k -> k >= 5, k -> k - 1)
                    .mapToObj(k -> "perf-" + k + "001").toList();
            org.junit.jupiter.api.Assertions.assertEquals(expected, candidates);
        }
    }

    @Test
    void theDashboardCountsComeFromIndexesAlone() {
        Query query = em.createNativeQuery("EXPLAIN (ANALYZE, BUFFERS) " + OrderQueries.SUMMARY_SQL).setParameter(1, SELLER);
        @SuppressWarnings("unchecked")
        String plan = ((List<Object>) query.getResultList()).stream().map(Object::toString).collect(Collectors.joining("\n"));
        LOG.infof("plan for the summary:%n%s", plan);
        assertIndexScan(plan, "Index Only Scan using orders_seller_status_type");
        assertIndexScan(plan, "Index Only Scan using order_attention_seller_flag_created");
        assertFalse(plan.contains("Join"), "the counts join orders to their flags:\n" + plan);
        var summary = as(seller(SELLER)).get("/api/v1/orders/summary").then().statusCode(200).extract().jsonPath();
        // perf-2, perf-4, ... perf-40000: every 14th is CANCELLED, every 3rd KINGSTON_DISPATCHED; 80 CUSTOMS_HOLD flags.
        org.junit.jupiter.api.Assertions.assertEquals(20_000, summary.getInt("total"));
        org.junit.jupiter.api.Assertions.assertEquals(40_000 / 14, summary.getInt("byStatus.CANCELLED"));
        org.junit.jupiter.api.Assertions.assertEquals(20_000 - 40_000 / 14, summary.getInt("byStatus.DELIVERED"));
        org.junit.jupiter.api.Assertions.assertEquals(40_000 / 6, summary.getInt("byType.KINGSTON_DISPATCHED"));
        org.junit.jupiter.api.Assertions.assertEquals(80, summary.getInt("attention.CUSTOMS_HOLD"));
        org.junit.jupiter.api.Assertions.assertEquals(80, summary.getInt("needingAttention"));
    }

    @Test
    void theFlaggedListPagesNewestFirstThroughEveryFlaggedOrderOfTheSellerOnce() {
        // The seller's 80 CUSTOMS_HOLD orders are perf-500, perf-1000, ... perf-40000; perf-n was created n minutes ago.
        List<String> expected = java.util.stream.IntStream.rangeClosed(1, 80).mapToObj(i -> "perf-" + i * 500).toList();
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = as(seller(SELLER)).queryParam("attention", "CUSTOMS_HOLD").queryParam("limit", 30);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/orders").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.orderId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertEquals(expected, seen);
    }

    @Test
    void aFullPageThroughTheApiStaysFast() {
        for (int round = 1; round <= 3; round++) {
            long started = System.nanoTime();
            as(seller(SELLER)).queryParam("limit", 100).get("/api/v1/orders").then().statusCode(200)
                    .body("items", hasSize(100)).body("nextCursor", notNullValue());
            long pageMs = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            as(seller(SELLER)).get("/api/v1/orders/summary").then().statusCode(200).body("total", equalTo(20_000));
            long summaryMs = (System.nanoTime() - started) / 1_000_000;
            LOG.infof("20k-order seller over HTTP, round %d: a 100-order page in %d ms, the summary in %d ms", round, pageMs, summaryMs);
        }
    }

    private static OrderFilter filter(OrderStatus status, OrderType type, String text, Instant createdFrom) {
        return new OrderFilter(SELLER, status, type, null, createdFrom, null, text, null, null, 20);
    }

    /** The generated SKUs: the first 8 hex digits of md5(n % 1000), like real SKUs with little in common. */
    private static String md5Prefix(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String explain(OrderFilter filter) {
        OrderQueries.SqlQuery sql = OrderQueries.listSql(filter);
        Query query = em.createNativeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql.sql());
        sql.bind(query);
        @SuppressWarnings("unchecked")
        List<Object> lines = query.getResultList();
        String plan = lines.stream().map(Object::toString).collect(Collectors.joining("\n"));
        LOG.infof("plan for %s:%n%s", filter, plan);
        return plan;
    }

    private static void assertIndexScan(String plan, String index) {
        assertFalse(plan.contains("Seq Scan on orders"), plan);
        assertTrue(plan.contains(index), "expected " + index + " in\n" + plan);
    }
}
