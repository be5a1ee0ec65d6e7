package com.kingstonexpress.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.security.WebhookSignature;

/**
 * {@code deploy/local/benchmark}: every scenario of issue #13 against a running local stack and, in the same run on
 * the same PostgreSQL, its baselines: the exact SQL the scenario issues, replayed at the same concurrency by plain
 * JDBC ({@link BaselineSql}), and for creates the two-statement insert + outbox transaction. Prints one table
 * (throughput, p50, p99, ratio to the baselines, resident memory of each service, load average) and writes it as
 * JSON under the stack's data folder ({@code benchmarks/}). {@code --seed} first writes 1,000,000 orders (100,000 for
 * one seller) unless an earlier run did. Loopback only. Timings are figures, never assertions.
 *
 * <p>Options (sizes and durations, so that a smoke test can run it tiny): see {@link Options#parse}.
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");
    private static final String CREATE_SELLER = "bench-seller-create";

    /** Everything the command line can set; defaults are the full benchmark. */
    record Options(String gateway, String orderService, int postgresPort, Path dataDir, int durationSeconds, int warmUpSeconds,
            int clients, int listClients, boolean seed, long seedTotal, long seedSellerOrders, int webhookBatchSize,
            int webhookConcurrency, int webhookBatches, int endToEndRate, int endToEndSeconds, List<String> only) {

        static final List<String> GROUPS = List.of("create", "get", "list", "dashboard", "actions", "center");
        static final String USAGE = "options: --seed [--seed-total N] [--seed-seller-orders N] [--duration S] [--warm-up S] [--clients N]"
                + " [--list-clients N] [--webhook-batch-size N] [--webhook-concurrency N] [--webhook-batches N] [--e2e-rate N]"
                + " [--e2e-seconds S] [--only " + String.join(",", GROUPS) + "] [--gateway URL] [--order-service URL]"
                + " [--postgres-port P] [--data-dir DIR] [--help]";

        static Options parse(String[] args, StackConfig stack) {
            String gateway = stack.gatewayUrl();
            String order = stack.service("order").url();
            int postgresPort = stack.postgresPort();
            Path dataDir = stack.dataDir();
            int duration = 20;
            int warmUp = 5;
            int clients = 16;
            int listClients = 8;
            boolean seed = false;
            long seedTotal = 1_000_000;
            long seedSeller = 100_000;
            int batchSize = 500;
            int webhookConcurrency = 4;
            int webhookBatches = 8;
            int rate = 500;
            int e2eSeconds = 8;
            List<String> only = List.of();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--gateway" -> gateway = args[++i];
                    case "--order-service" -> order = args[++i];
                    case "--postgres-port" -> postgresPort = Integer.parseInt(args[++i]);
                    case "--data-dir" -> dataDir = Path.of(args[++i]);
                    case "--duration" -> duration = Integer.parseInt(args[++i]);
                    case "--warm-up" -> warmUp = Integer.parseInt(args[++i]);
                    case "--clients" -> clients = Integer.parseInt(args[++i]);
                    case "--list-clients" -> listClients = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = true;
                    case "--seed-total" -> seedTotal = Long.parseLong(args[++i]);
                    case "--seed-seller-orders" -> seedSeller = Long.parseLong(args[++i]);
                    case "--webhook-batch-size" -> batchSize = Integer.parseInt(args[++i]);
                    case "--webhook-concurrency" -> webhookConcurrency = Integer.parseInt(args[++i]);
                    case "--webhook-batches" -> webhookBatches = Integer.parseInt(args[++i]);
                    case "--e2e-rate" -> rate = Integer.parseInt(args[++i]);
                    case "--e2e-seconds" -> e2eSeconds = Integer.parseInt(args[++i]);
                    case "--only" -> only = List.of(args[++i].split(","));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
                }
            }
            for (String group : only) {
                if (!GROUPS.contains(group)) {
                    throw new IllegalArgumentException("unknown group " + group + " in --only; groups: " + String.join(",", GROUPS));
                }
            }
            for (String url : List.of(gateway, order)) {
                String host = URI.create(url).getHost();
                if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
                    throw new IllegalArgumentException("benchmarks run against this machine only (loopback), not " + url);
                }
            }
            return new Options(gateway, order, postgresPort, dataDir, duration, warmUp, clients, listClients, seed, seedTotal, seedSeller,
                    batchSize, webhookConcurrency, webhookBatches, rate, e2eSeconds, only);
        }

        boolean runs(String group) {
            return only.isEmpty() || only.contains(group);
        }

        Duration duration() {
            return Duration.ofSeconds(durationSeconds);
        }

        Duration warmUp() {
            return Duration.ofSeconds(warmUpSeconds);
        }
    }

    /** One line of the table. {@code baseline}/{@code insertOutbox}: ops/s of the JDBC replays, 0 when none. */
    record Row(String scenario, String via, int clients, double throughput, String unit, double p50Ms, double p99Ms, long ok, long failed,
            double baseline, double baselineP99Ms, double insertOutbox, String note, Map<String, Double> statementsPerCall) {
    }

    private final Options options;
    private final StackConfig stack;
    private final StackAccess db;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Row> rows = new ArrayList<>();
    /** PostgreSQL's statement counts, or null when the stack's PostgreSQL does not keep them. */
    private StatementCounts statements;
    /** Orders created by the create scenarios this run: seller-managed for the actions, dispatched for the center. */
    private final Queue<String> sellerManaged = new ConcurrentLinkedQueue<>();
    private final Queue<String> dispatched = new ConcurrentLinkedQueue<>();

    private Benchmark(Options options, StackConfig stack, StackAccess db, PrintStream out) {
        this.options = options;
        this.stack = stack;
        this.db = db;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println("deploy/local/benchmark " + Options.USAGE);
            return;
        }
        Path root = Path.of(System.getProperty("kx.root", ".")).toAbsolutePath().normalize();
        StackConfig stack = StackConfig.fromEnvironment(root);
        Options options = Options.parse(args, stack);
        StackConfig at = new StackConfig(root, options.dataDir(), options.postgresPort(), stack.kafkaPort(), stack.services(), false, false);
        Path json = new Benchmark(options, at, StackAccess.fromEnvironment(at), System.out).run();
        System.out.println("written to " + json);
    }

    /** The command against a stack started in this JVM (the smoke test); returns the JSON file written. */
    static Path run(LocalStack running, PrintStream out, String... args) throws Exception {
        Options options = Options.parse(args, running.config());
        return new Benchmark(options, running.config(), StackAccess.of(running.config()), out).run();
    }

    /** Runs everything the options select; returns the JSON file written. */
    Path run() throws Exception {
        String loadBefore = ServiceMemory.loadAverage();
        Instant started = Instant.now();
        out.printf("benchmark: %d cores, load average %s, %d s per scenario after %d s warm-up, %d clients (lists %d)%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, options.durationSeconds(), options.warmUpSeconds(), options.clients(),
                options.listClients());
        try (Connection orders = db.connect(db.database("order"), 3600)) {
            if (options.seed()) {
                BenchmarkSeed.ensure(orders, options.seedTotal(), options.seedSellerOrders(), out);
            }
            BaselineSql.prepare(orders);
        }
        try (Connection counting = db.connect(db.database("order"))) {
            statements = StatementCounts.open(counting, out);
            scenarios();
        }
        String loadAfter = ServiceMemory.loadAverage();
        Map<String, Long> rss = new LinkedHashMap<>();
        for (StackConfig.Service service : stack.services()) {
            rss.put(service.name(), ServiceMemory.residentMiB(service.port()));
        }
        printTable(loadBefore, loadAfter, rss);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("startedAt", started.toString());
        report.put("finishedAt", Instant.now().toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("loadAverageBefore", loadBefore);
        report.put("loadAverageAfter", loadAfter);
        report.put("options", Map.of("durationSeconds", options.durationSeconds(), "warmUpSeconds", options.warmUpSeconds(), "clients",
                options.clients(), "listClients", options.listClients(), "seedTotal", options.seedTotal(), "seedSellerOrders",
                options.seedSellerOrders(), "webhookBatchSize", options.webhookBatchSize(), "webhookConcurrency", options.webhookConcurrency(),
                "endToEndRate", options.endToEndRate()));
        report.put("rows", rows);
        report.put("residentMiB", rss);
        Path dir = options.dataDir().resolve("benchmarks");
        Files.createDirectories(dir);
        Path file = dir.resolve("benchmark-" + started.truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "") + ".json");
        JSON.writeValue(file.toFile(), report);
        Files.copy(file, dir.resolve("latest.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private void scenarios() throws Exception {
        if (options.runs("create")) {
            createOrders();
        }
        if (options.runs("get") || options.runs("list") || options.runs("dashboard")) {
            reads();
        }
        if (options.runs("actions")) {
            startProcessing();
        }
        if (options.runs("center")) {
            centerEvents();
        }
    }

    // ---- create ----------------------------------------------------------------------------------------------

    private void createOrders() throws Exception {
        String storefront = DevTokens.storefront();
        Load.Stats sql = jdbc(options.clients(), true, BaselineSql::createOrder);
        Load.Stats twoStatements = jdbc(options.clients(), true, BaselineSql::insertPlusOutbox);
        for (String via : List.of("direct", "gateway")) {
            String base = via.equals("direct") ? options.orderService() : options.gateway();
            Load.Stats s = http(options.clients(), i -> createOrder(base, storefront, i), 201, body -> {
                remember(body);
                return true;
            });
            rows.add(row("create order", via, options.clients(), s, "orders/s", sql, twoStatements.throughput(),
                    "idempotency key, 1 line; baselines: same SQL, and INSERT order + INSERT outbox"));
        }
    }

    private HttpRequest createOrder(String baseUrl, String token, long i) {
        boolean dispatchedOrder = i % 2 != 0;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sellerId", CREATE_SELLER);
        body.put("customerId", "bench-customer-" + i);
        body.put("customerName", "Bench Customer");
        body.put("type", dispatchedOrder ? "KINGSTON_DISPATCHED" : "SELLER_MANAGED");
        if (dispatchedOrder) {
            body.put("fulfillmentCenterId", CenterSimulator.DEMO_CENTER);
        }
        body.put("lines", List.of(Map.of("sku", "BENCH-" + (i % 50), "title", "Bench item", "quantity", 1, "unitPrice",
                Map.of("amount", "9.99", "currency", "GBP"))));
        body.put("deliveryAddress", Map.of("name", "Bench", "line1", "1 Bench Road", "city", "Leeds", "region", "England", "postalCode",
                "LS1 1AA", "country", "GB", "phone", "+44 113 000 0000"));
        body.put("shippingMethod", "STANDARD");
        body.put("notes", "");
        return post(baseUrl + "/api/v1/orders", token, write(body)).header("Idempotency-Key", UUID.randomUUID().toString()).build();
    }

    private void remember(String body) {
        Matcher m = ORDER_ID.matcher(body);
        if (m.find()) {
            (body.contains("KINGSTON_DISPATCHED") ? dispatched : sellerManaged).add(m.group(1));
        }
    }

    // ---- reads -----------------------------------------------------------------------------------------------

    private void reads() throws Exception {
        String seller = BenchmarkSeed.BIG_SELLER;
        String token = DevTokens.seller(seller);
        List<String> ids = new ArrayList<>();
        try (Connection c = db.connect(db.database("order"));
                PreparedStatement q = c.prepareStatement("SELECT order_id FROM orders WHERE seller_id = ? ORDER BY md5(order_id) LIMIT 2000")) {
            q.setString(1, seller);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        if (ids.isEmpty()) {
            out.println("reads: no orders for " + seller + " (run with --seed); get, list and dashboard skipped");
            return;
        }
        if (options.runs("get")) {
            Load.Stats sql = jdbc(options.clients(), false, c -> BaselineSql.getOrder(c, ids));
            for (String via : List.of("direct", "gateway")) {
                String base = via.equals("direct") ? options.orderService() : options.gateway();
                Load.Stats s = http(options.clients(), i -> get(base + "/api/v1/orders/" + ids.get((int) (i % ids.size())), token), 200, null);
                rows.add(row("get order", via, options.clients(), s, "req/s", sql, 0, "seller's order, random of 2,000"));
            }
        }
        if (options.runs("list")) {
            Instant to = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
            Map<String, BaselineSql.ListFilter> filters = new LinkedHashMap<>();
            filters.put("", BaselineSql.ListFilter.none());
            filters.put("status=NEW", BaselineSql.ListFilter.status("NEW"));
            filters.put("type=KINGSTON_DISPATCHED", BaselineSql.ListFilter.type("KINGSTON_DISPATCHED"));
            filters.put("attention=ADDRESS_ISSUE", BaselineSql.ListFilter.attention("ADDRESS_ISSUE"));
            filters.put("q=kx-sku-0042", BaselineSql.ListFilter.text("kx-sku-0042"));
            filters.put("createdFrom..createdTo (1 day)", BaselineSql.ListFilter.created(to.minus(Duration.ofDays(1)), to));
            for (Map.Entry<String, BaselineSql.ListFilter> f : filters.entrySet()) {
                String query = f.getValue().queryString();
                Load.Stats sql = jdbc(options.listClients(), false, c -> BaselineSql.list(c, seller, f.getValue()));
                Load.Stats s = http(options.listClients(), i -> get(options.gateway() + "/api/v1/orders?limit=50" + query, token), 200, null);
                rows.add(row("list 50 " + (f.getKey().isEmpty() ? "(no filter)" : f.getKey()), "gateway", options.listClients(), s, "req/s", sql, 0,
                        "seller with " + options.seedSellerOrders() + " orders"));
            }
        }
        if (options.runs("dashboard")) {
            awaitWholeDashboard(token);
            Load.Stats sql = jdbc(options.listClients(), false, c -> BaselineSql.dashboardOrders(c, seller));
            Load.Stats s = http(options.listClients(), i -> get(options.gateway() + "/api/v1/dashboard", token), 200,
                    body -> !body.contains(UNAVAILABLE_SECTION));
            rows.add(row("seller dashboard", "gateway", options.listClients(), s, "req/s", sql, 0,
                    "baseline: order-service's share of the SQL (other services' queries not replayed)"));
        }
    }

    // ---- seller action ---------------------------------------------------------------------------------------

    private void startProcessing() throws Exception {
        if (sellerManaged.isEmpty()) {
            out.println("actions: no seller-managed orders created in this run (run with create); start-processing skipped");
            return;
        }
        String token = DevTokens.seller(CREATE_SELLER);
        Queue<String> baselineIds;
        try (Connection c = db.connect(db.database("order"))) {
            baselineIds = new ConcurrentLinkedQueue<>(BaselineSql.newBaselineOrders(c, 200_000));
        }
        Load.Stats sql = jdbc(options.clients(), true, c -> {
            String id = baselineIds.poll();
            if (id == null) {
                throw new Load.Exhausted();
            }
            BaselineSql.startProcessing(c, id);
        });
        Load.Stats s = http(options.clients(), i -> {
            String id = sellerManaged.poll();
            if (id == null) {
                throw new Load.Exhausted();
            }
            return post(options.gateway() + "/api/v1/orders/" + id + "/actions/start-processing", token, "{}").build();
        }, 200, null);
        rows.add(row("start-processing", "gateway", options.clients(), s, "actions/s", sql, 0,
                "orders created earlier in this run; stops when they are used up"));
    }

    // ---- center events ---------------------------------------------------------------------------------------

    private void centerEvents() throws Exception {
        int batch = options.webhookBatchSize();
        long ingestEvents = (long) batch * options.webhookBatches();
        long endToEndEvents = (long) options.endToEndRate() * options.endToEndSeconds();
        long needed = Math.max(ingestEvents, endToEndEvents);
        topUpDispatched(needed);
        List<String> orders = new ArrayList<>(dispatched);
        awaitRegisteredInFulfillment(orders);
        StatementCounts.Snapshot quiet = statements == null ? null : statements.whenQuiet();
        // Ingest: PICKED for each order (NEW -> PROCESSING once applied), concurrent batches as fast as accepted.
        List<List<String>> batches = chunks(orders.subList(0, (int) Math.min(orders.size(), ingestEvents)), batch);
        Queue<List<String>> toSend = new ConcurrentLinkedQueue<>(batches);
        long ingestStart = System.nanoTime();
        Load.Stats ingest = Load.run(options.webhookConcurrency(), Duration.ZERO, Duration.ofMinutes(10), batches.size(), batch, thread -> seq -> {
            List<String> ids = toSend.poll();
            if (ids == null) {
                throw new Load.Exhausted();
            }
            return send(centerBatch(ids, "PICKED")) == 202;
        });
        rows.add(row("center webhook, batches of " + batch + " (accepted)", "gateway", options.webhookConcurrency(), ingest, "events/s", null, 0,
                "p50/p99: per batch"));
        List<String> ingested = batches.stream().flatMap(List::stream).toList();
        double drainSeconds = awaitStatus(ingested, "PROCESSING", Duration.ofMinutes(5), Duration.ofMillis(100), null, null);
        double drained = (System.nanoTime() - ingestStart) / 1e9;
        // Per event, from the webhook until every service that consumes the status change is done with it.
        Map<String, Double> perEvent = quiet == null ? Map.of() : statements.perCall(quiet, statements.whenQuiet(), ingested.size());
        rows.add(new Row("center events applied (ingest until all visible)", "end to end", options.webhookConcurrency(),
                drainSeconds < 0 ? 0 : ingested.size() / drained, "events/s", 0, 0, ingested.size(), drainSeconds < 0 ? 1 : 0, 0, 0, 0,
                String.format("all %d orders PROCESSING %.1f s after the first batch", ingested.size(), drained), perEvent));

        // End to end at a steady rate: HANDED_TO_CARRIER (PROCESSING -> SHIPPED) in batches every 100 ms.
        List<String> e2e = orders.subList(0, (int) Math.min(ingested.size(), endToEndEvents));
        int perTick = Math.max(1, options.endToEndRate() / 10);
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(options.webhookConcurrency());
        List<Future<?>> sent = new ArrayList<>();
        long t0 = System.nanoTime();
        List<List<String>> ticks = chunks(e2e, perTick);
        Map<String, Long> visibleAt = new ConcurrentHashMap<>();
        Thread watcher = new Thread(() -> awaitStatusQuietly(e2e, acceptedAt, visibleAt));
        watcher.start();
        for (int k = 0; k < ticks.size(); k++) {
            long due = t0 + k * 100_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            List<String> ids = ticks.get(k);
            sent.add(senders.submit(() -> {
                if (send(centerBatch(ids, "HANDED_TO_CARRIER")) == 202) {
                    long now = System.nanoTime();
                    ids.forEach(id -> acceptedAt.put(id, now));
                }
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        double sendSeconds = (System.nanoTime() - t0) / 1e9;
        senders.shutdown();
        watcher.join(Duration.ofMinutes(2).toMillis());
        long[] micros = acceptedAt.entrySet().stream().filter(e -> visibleAt.containsKey(e.getKey()))
                .mapToLong(e -> Math.max(0, (visibleAt.get(e.getKey()) - e.getValue()) / 1000)).toArray();
        Load.Stats lag = Load.Stats.of(e2e.size() - micros.length, sendSeconds, micros, 1);
        rows.add(row("center event -> order status visible", "end to end", options.webhookConcurrency(), lag, "events/s", null, 0,
                String.format("%d events/s offered in batches of %d; p50/p99: acceptance to SHIPPED in order-service", options.endToEndRate(),
                        perTick)));
    }

    private void topUpDispatched(long needed) throws Exception {
        if (dispatched.size() >= needed) {
            return;
        }
        String storefront = DevTokens.storefront();
        out.printf("center: creating %d more dispatched orders (direct to order-service)%n", needed - dispatched.size());
        long stopAt = needed;
        Load.run(options.clients(), Duration.ZERO, Duration.ofMinutes(10), Long.MAX_VALUE, 1, thread -> seq -> {
            if (dispatched.size() >= stopAt) {
                throw new Load.Exhausted();
            }
            HttpResponse<String> r = http.send(createOrder(options.orderService(), storefront, seq * 2 + 1), HttpResponse.BodyHandlers.ofString());
            remember(r.body());
            return r.statusCode() == 201;
        });
    }

    private void awaitRegisteredInFulfillment(List<String> orders) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (Connection c = db.connect(db.database("fulfillment"));
                PreparedStatement q = c.prepareStatement(StatementCounts.MARK + "SELECT count(*) FROM shipment WHERE order_id = ANY(?)")) {
            Array ids = c.createArrayOf("text", orders.toArray());
            while (System.nanoTime() < deadline) {
                q.setArray(1, ids);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= orders.size()) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("fulfillment did not register " + orders.size() + " orders within 5 minutes");
    }

    /**
     * Seconds until every order has {@code status} in order-service, or -1 on timeout. With {@code acceptedAt}, only
     * orders whose event was accepted are looked up: the query's cost follows the backlog, not the whole list (4,000
     * ids every 10 ms kept one PostgreSQL backend busy, on the cores the services share). {@code poll}: the shortest
     * pause between lookups, which bounds how precisely {@code visibleAt} is known; a slow lookup waits four times
     * as long as it took.
     */
    private double awaitStatus(List<String> orders, String status, Duration timeout, Duration poll, Map<String, Long> acceptedAt,
            Map<String, Long> visibleAt) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        List<String> pending = new ArrayList<>(orders);
        try (Connection c = db.connect(db.database("order"));
                PreparedStatement q = c.prepareStatement(StatementCounts.MARK + "SELECT order_id FROM orders WHERE order_id = ANY(?) AND status = ?")) {
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                List<String> watched = acceptedAt == null ? pending : pending.stream().filter(acceptedAt::containsKey).toList();
                if (watched.isEmpty()) {
                    Thread.sleep(poll.toMillis());
                    continue;
                }
                long queried = System.nanoTime();
                q.setArray(1, c.createArrayOf("text", watched.toArray()));
                q.setString(2, status);
                List<String> seen = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        seen.add(rs.getString(1));
                    }
                }
                long now = System.nanoTime();
                if (visibleAt != null) {
                    seen.forEach(id -> visibleAt.put(id, now));
                }
                pending.removeAll(new java.util.HashSet<>(seen));
                if (!pending.isEmpty()) {
                    // At most a fifth of the time querying, however long the backlog: the watcher must not be the load.
                    Thread.sleep(Math.max(poll.toMillis(), 4 * (now - queried) / 1_000_000));
                }
            }
        }
        return pending.isEmpty() ? (System.nanoTime() - start) / 1e9 : -1;
    }

    private void awaitStatusQuietly(List<String> orders, Map<String, Long> acceptedAt, Map<String, Long> visibleAt) {
        try {
            awaitStatus(orders, "SHIPPED", Duration.ofSeconds(options.endToEndSeconds() + 60L), Duration.ofMillis(10), acceptedAt,
                    visibleAt);
        } catch (Exception e) {
            out.println("center: watching statuses failed: " + e.getMessage());
        }
    }

    private HttpRequest centerBatch(List<String> orderIds, String type) {
        List<Map<String, Object>> events = new ArrayList<>(orderIds.size());
        String now = Instant.now().toString();
        for (String id : orderIds) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("eventId", UUID.randomUUID().toString());
            e.put("orderId", id);
            e.put("type", type);
            e.put("occurredAt", now);
            e.put("carrier", CenterSimulator.DEMO_CARRIER);
            e.put("trackingNumber", CenterSimulator.trackingNumber(id));
            e.put("location", "London dispatchment center");
            events.add(e);
        }
        byte[] bytes = write(Map.of("events", events)).getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(options.gateway() + "/api/v1/fulfillment-centers/" + CenterSimulator.DEMO_CENTER + "/events"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(CenterSimulator.DEMO_CENTER_SECRET, Instant.now(), bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    // ---- plumbing --------------------------------------------------------------------------------------------

    interface Requests {
        HttpRequest request(long sequence) throws Exception;
    }

    interface JdbcOp {
        void run(Connection c) throws SQLException;
    }

    /** A dashboard section whose service did not answer in time (the gateway's DashboardView, as it serialises it). */
    private static final String UNAVAILABLE_SECTION = "\"status\":\"unavailable\"";

    /**
     * The dashboard scenario measures warm services, as every other scenario does after its warm-up. Eight clients
     * asking a stack that has served nothing yet find each service's first calls (JIT, Hibernate's query parser,
     * Jackson's serializers) slower than the dashboard's 3 s budget, and the gateway's dashboard breaker then keeps
     * those sections unavailable for the whole run. So: one caller, until one dashboard comes back whole (at most
     * two minutes; the breakers reopen for a trial every 10 s).
     */
    private void awaitWholeDashboard(String token) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(2).toNanos();
        for (int calls = 1;; calls++) {
            HttpResponse<String> r = http.send(get(options.gateway() + "/api/v1/dashboard", token), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && !r.body().contains(UNAVAILABLE_SECTION)) {
                out.printf("dashboard: whole after %d call(s), %.1f s%n", calls, (System.nanoTime() - start) / 1e9);
                return;
            }
            if (System.nanoTime() > deadline) {
                out.printf("dashboard: still not whole after %d calls in two minutes; measuring anyway%n", calls);
                return;
            }
            Thread.sleep(250);
        }
    }

    /**
     * Runs {@code requests}; a call counts when it answers {@code expected} and, if {@code accepted} is given, its body
     * passes it (a dashboard with a section unavailable is not a dashboard served).
     */
    private Load.Stats http(int clients, Requests requests, int expected, java.util.function.Predicate<String> accepted) throws Exception {
        StatementCounts.Snapshot before = statements == null ? null : statements.whenQuiet();
        Load.Stats stats = Load.run(clients, options.warmUp(), options.duration(), Long.MAX_VALUE, 1, thread -> seq -> {
            HttpRequest r = requests.request(seq);
            if (accepted == null) {
                return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == expected;
            }
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == expected && accepted.test(response.body());
        });
        return before == null ? stats : stats.withStatements(statements.perCall(before, statements.whenQuiet(), stats.calls()));
    }

    private int send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The JDBC replay: one connection per client, each operation one transaction as the service runs it. */
    private Load.Stats jdbc(int clients, boolean writes, JdbcOp op) throws Exception {
        return Load.run(clients, options.warmUp(), options.duration(), Long.MAX_VALUE, 1, thread -> {
            Connection c = db.connect(db.database("order"));
            try (java.sql.Statement s = c.createStatement()) {
                // As order-service's connections are set up (its quarkus.datasource.jdbc.new-connection-sql).
                s.execute("SET plan_cache_mode = force_custom_plan");
            }
            if (writes) {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("SET search_path TO " + BaselineSql.BENCH_SCHEMA);
                }
            }
            c.setAutoCommit(false);
            return new Load.Client() {
                @Override
                public boolean call(long sequence) throws SQLException {
                    try {
                        op.run(c);
                        c.commit();
                        return true;
                    } catch (Load.Exhausted e) {
                        c.rollback();
                        throw e;
                    } catch (SQLException | RuntimeException e) {
                        c.rollback();
                        throw e;
                    }
                }

                @Override
                public void close() throws SQLException {
                    c.close();
                }
            };
        });
    }

    private Row row(String scenario, String via, int clients, Load.Stats s, String unit, Load.Stats baseline, double insertOutbox, String note) {
        return new Row(scenario, via, clients, s.throughput(), unit, s.p50(), s.p99(), s.ok(), s.failed(),
                baseline == null ? 0 : baseline.throughput(), baseline == null ? 0 : baseline.p99(), insertOutbox, note, s.statementsPerCall());
    }

    private void printTable(String loadBefore, String loadAfter, Map<String, Long> rss) {
        out.println();
        // The same SQL's p99 beside the scenario's: the latency PostgreSQL alone gives on this machine at this load.
        out.printf("%-50s %-10s %3s %10s %9s %9s %7s %11s %7s %11s %12s %7s%n", "scenario", "via", "cl", "per s", "p50 ms", "p99 ms", "failed",
                "same SQL/s", "ratio", "its p99 ms", "ins+outbox/s", "ratio");
        for (Row r : rows) {
            out.printf("%-50s %-10s %3d %10.1f %9.2f %9.2f %7d %11s %7s %11s %12s %7s%n", r.scenario(), r.via(), r.clients(), r.throughput(), r.p50Ms(),
                    r.p99Ms(), r.failed(), r.baseline() > 0 ? String.format("%.1f", r.baseline()) : "-",
                    r.baseline() > 0 ? String.format("%.0f%%", 100 * r.throughput() / r.baseline()) : "-",
                    r.baseline() > 0 ? String.format("%.2f", r.baselineP99Ms()) : "-",
                    r.insertOutbox() > 0 ? String.format("%.1f", r.insertOutbox()) : "-",
                    r.insertOutbox() > 0 ? String.format("%.0f%%", 100 * r.throughput() / r.insertOutbox()) : "-");
        }
        if (rows.stream().anyMatch(r -> !r.statementsPerCall().isEmpty())) {
            // Whole pipeline, from the call until every consumer is done: the work per call no noise moves.
            out.println();
            out.println("PostgreSQL statements per call (pg_stat_statements, BEGIN and COMMIT included), by database:");
            for (Row r : rows) {
                if (!r.statementsPerCall().isEmpty()) {
                    out.printf("  %-50s %-10s %s%n", r.scenario(), r.via(), r.statementsPerCall());
                }
            }
        }
        out.println("resident memory after the run (MiB): " + rss);
        out.println("load average before: " + loadBefore + ", after: " + loadAfter);
    }

    private HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
    }

    private HttpRequest.Builder post(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(Collections.unmodifiableList(new ArrayList<>(all.subList(i, Math.min(all.size(), i + size)))));
        }
        return chunks;
    }

    private static String write(Object o) {
        try {
            return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
