package com.kingstonexpress.order.export;

import static com.kingstonexpress.order.Fixtures.as;
import static com.kingstonexpress.order.Fixtures.seller;
import static com.kingstonexpress.order.Fixtures.storefront;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The bulk export: 100,000 orders of one seller (seeded by SQL, beside another seller's), streamed as
 * CSV while the heap that survives a GC stays flat, and JSON lines with the list's filters.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderExportTest {

    private static final String SELLER = "export-seller";
    private static final int ORDERS = 100_000;
    private static final long MAX_HEAP_GROWTH = 24L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean seeded;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/api/v1/orders/export")
    URI export;

    @BeforeEach
    void seed() throws SQLException {
        if (seeded) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO orders (order_id, seller_id, customer_id, customer_name, order_type, status, fulfillment_center_id,
                        shipping_method, addr_name, addr_line1, addr_city, addr_region, addr_postal_code, addr_country, search_text,
                        created_at, updated_at, status_changed_at, version)
                    SELECT 'exp-' || n, CASE WHEN n <= 100000 THEN 'export-seller' ELSE 'export-other' END, 'cust-' || n, 'Customer ' || n,
                        CASE WHEN n % 3 = 0 THEN 'KINGSTON_DISPATCHED' ELSE 'SELLER_MANAGED' END,
                        CASE WHEN n % 7 = 0 THEN 'CANCELLED' ELSE 'DELIVERED' END,
                        CASE WHEN n % 3 = 0 THEN 'center-london-1' END, 'STANDARD', 'Name', 'Line 1', 'London', 'Greater London',
                        'SW1', 'GB', 'exp-' || n || ' customer ' || n,
                        now() - make_interval(secs => n), now() - make_interval(secs => n), now() - make_interval(secs => n), 0
                    FROM generate_series(1, 101000) AS n""");
            s.execute("""
                    INSERT INTO order_line (order_id, line_no, sku, title, quantity, unit_amount, currency)
                    SELECT 'exp-' || n, 1, 'SKU-' || (n % 100), 'Teapot', 1 + n % 3, 4.50, 'GBP' FROM generate_series(1, 101000) AS n""");
            s.execute("INSERT INTO order_attention (order_id, flag, raised_at) SELECT 'exp-' || n, 'CUSTOMS_HOLD', now() FROM generate_series(1000, 100000, 1000) AS n");
            // Customer-typed text that must neither break the CSV nor run as a spreadsheet formula.
            s.execute("UPDATE orders SET customer_name = '=HYPERLINK(\"http://evil.example\")', addr_city = 'Paris, \"centre\"' WHERE order_id = 'exp-5'");
            s.execute("ANALYZE orders");
        }
        seeded = true;
    }

    /** The test database is shared by the module's classes: leave it as found, so query plans elsewhere hold. */
    @AfterAll
    void removeSeed() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM order_attention WHERE order_id LIKE 'exp-%'");
            s.execute("DELETE FROM order_line WHERE order_id LIKE 'exp-%'");
            s.execute("DELETE FROM orders WHERE order_id LIKE 'exp-%'");
            s.execute("ANALYZE orders");
        }
    }

    @Test
    void aHundredThousandOrdersStreamAsCsvInConstantMemory() throws Exception {
        long baseline = heapAfterGc();
        List<Long> growth = new ArrayList<>();
        long started = System.nanoTime();
        long firstLineNanos = -1;
        int rows = 0;
        String header;
        String first;
        boolean strangerSeen = false;
        HttpResponse<InputStream> response = get("");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            header = lines.readLine();
            firstLineNanos = System.nanoTime() - started;
            first = lines.readLine();
            rows = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                rows++;
                strangerSeen |= Integer.parseInt(line.substring(4, line.indexOf(','))) > ORDERS;
                if (rows % 25_000 == 0) {
                    // What the server still holds while it is streaming: with a cursor, about one fetch of rows.
                    growth.add(heapAfterGc() - baseline);
                }
            }
        }
        long totalMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("export: %d orders as CSV in %d ms (first line after %d ms); live heap growth while streaming: %s MiB%n", rows,
                totalMillis, firstLineNanos / 1_000_000, growth.stream().map(b -> String.format("%.1f", b / 1048576.0)).toList());

        assertTrue(header.startsWith("orderId,type,status,"), header);
        assertEquals(ORDERS, rows);
        assertTrue(first.startsWith("exp-1,SELLER_MANAGED,DELIVERED,STANDARD,,cust-1,Customer 1,GB,"), first);
        assertFalse(strangerSeen, "another seller's orders (exp-100001 and up) are not exported");
        for (long g : growth) {
            assertTrue(g < MAX_HEAP_GROWTH, "the server's heap grew by " + g / 1048576 + " MiB while streaming");
        }
    }

    @Test
    void jsonLinesTakeTheListsFilters() throws Exception {
        HttpResponse<InputStream> response = get("?format=jsonl&status=cancelled&type=KINGSTON_DISPATCHED&createdFrom=2000-01-01");
        assertEquals(200, response.statusCode());
        assertEquals("application/x-ndjson", response.headers().firstValue("Content-Type").orElse(""));
        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                rows.add(JSON.readTree(line));
            }
        }
        assertEquals(count("SELECT count(*) FROM orders WHERE seller_id = 'export-seller' AND status = 'CANCELLED'"
                + " AND order_type = 'KINGSTON_DISPATCHED'"), rows.size());
        JsonNode first = rows.get(0);
        assertEquals("exp-21", first.get("orderId").asText());
        assertEquals("CANCELLED", first.get("status").asText());
        assertEquals("center-london-1", first.get("fulfillmentCenterId").asText());
        assertEquals(1, first.get("itemCount").asInt());
        assertEquals("4.50", first.get("total").asText());
        assertTrue(first.get("createdAt").asText().endsWith("Z"));

        HttpResponse<InputStream> flagged = get("?format=jsonl&attention=CUSTOMS_HOLD");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(flagged.body(), StandardCharsets.UTF_8))) {
            List<String> all = lines.lines().toList();
            assertEquals(100, all.size());
            assertEquals("CUSTOMS_HOLD", JSON.readTree(all.get(0)).get("attention").asText());
        }
    }

    @Test
    void customerTextCannotBreakTheCsvOrRunAsAFormula() throws Exception {
        HttpResponse<InputStream> response = get("?q=exp-5%20customer");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            lines.readLine();
            String row = lines.lines().filter(l -> l.startsWith("exp-5,")).findFirst().orElseThrow();
            assertTrue(row.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\")\",GB,"), row);
            assertTrue(row.contains(",\"Paris, \"\"centre\"\"\","), row);
        }
    }

    @Test
    void badFiltersAreProblemsAndOnlySellersExport() {
        for (String query : List.of("?format=xml", "?status=LOST", "?type=DRONE", "?attention=SOMETIMES", "?createdFrom=yesterday",
                "?q=" + "x".repeat(101))) {
            as(seller(SELLER)).get("/api/v1/orders/export" + query).then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400));
        }
        given().get("/api/v1/orders/export").then().statusCode(401);
        as(storefront()).get("/api/v1/orders/export").then().statusCode(403);
    }

    private HttpResponse<InputStream> get(String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(export + query)).header("Authorization", "Bearer " + seller(SELLER)).GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
