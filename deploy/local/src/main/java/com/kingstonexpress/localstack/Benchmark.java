package com.kingstonexpress.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.infra.DevTokens;

/**
 * A load generator against a running local stack ({@code deploy/local/benchmark}): order creation and
 * the seller's order list, each measured through the gateway and, as the baseline measured in the same
 * run, directly against order-service, so the gateway's overhead is a difference of two figures taken
 * on the same machine. Prints throughput and latency percentiles. Loopback only, bounded in count and time.
 *
 * <p>{@code deploy/local/benchmark [--requests 2000] [--concurrency 8] [--gateway URL] [--order-service URL]}
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIME_LIMIT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int requests;
    private final int concurrency;

    private Benchmark(int requests, int concurrency) {
        this.requests = requests;
        this.concurrency = concurrency;
    }

    /** What one scenario measured. */
    record Result(String name, int ok, int failed, double seconds, List<Long> micros) {
        String line() {
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            return String.format("%-38s %6d ok %4d failed %9.1f req/s   p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms",
                    name, ok, failed, ok / seconds, pct(sorted, 0.50), pct(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0);
        }

        private static double pct(List<Long> sorted, double p) {
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1000.0;
        }
    }

    Result run(String name, IntFunction<HttpRequest> request, int expectedStatus) throws Exception {
        // Warm-up, not measured: JIT and connection pools.
        for (int i = 0; i < Math.min(200, requests / 5); i++) {
            http.send(request.apply(-1 - i), HttpResponse.BodyHandlers.discarding());
        }
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Instant deadline = Instant.now().plus(TIME_LIMIT);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < requests && Instant.now().isBefore(deadline);) {
                    long t0 = System.nanoTime();
                    try {
                        int status = http.send(request.apply(i), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status == expectedStatus) {
                            micros.add((System.nanoTime() - t0) / 1000);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(name, micros.size(), failed.get(), seconds, micros);
    }

    private HttpRequest createOrder(String baseUrl, String sellerId, String token, int i) {
        Map<String, Object> body = Map.of("sellerId", sellerId, "customerId", "bench-customer-" + i, "customerName", "Bench Customer",
                "type", i % 2 == 0 ? "SELLER_MANAGED" : "KINGSTON_DISPATCHED", "lines",
                List.of(Map.of("sku", "BENCH-" + (i % 50), "title", "Bench item", "quantity", 1, "unitPrice", Map.of("amount", "9.99", "currency", "GBP"))),
                "deliveryAddress", Map.of("name", "Bench", "line1", "1 Bench Road", "city", "Leeds", "region", "England", "postalCode", "LS1 1AA",
                        "country", "GB", "phone", "+44 113 000 0000"),
                "shippingMethod", "STANDARD", "notes", "");
        if (i % 2 != 0) {
            body = new java.util.HashMap<>(body);
            body.put("fulfillmentCenterId", CenterSimulator.DEMO_CENTER);
        }
        try {
            return HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/orders")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest listOrders(String baseUrl, String token) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/orders?limit=20")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    public static void main(String[] args) throws Exception {
        String gateway = "http://127.0.0.1:8080";
        String orderService = "http://127.0.0.1:8081";
        int requests = 2000;
        int concurrency = 8;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gateway" -> gateway = args[++i];
                case "--order-service" -> orderService = args[++i];
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        for (String url : List.of(gateway, orderService)) {
            String host = URI.create(url).getHost();
            if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
                throw new IllegalArgumentException("benchmarks run against this machine only (loopback), not " + url);
            }
        }
        Benchmark b = new Benchmark(requests, concurrency);
        String storefront = DevTokens.storefront();
        String sellerId = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String seller = DevTokens.seller(sellerId);
        String gw = gateway;
        String direct = orderService;
        System.out.printf("benchmark: %d requests per scenario, %d concurrent clients, %d cores%n", requests, concurrency,
                Runtime.getRuntime().availableProcessors());
        List<Result> results = new ArrayList<>();
        results.add(b.run("create order, direct to order-service", i -> b.createOrder(direct, sellerId, storefront, i), 201));
        results.add(b.run("create order, through the gateway", i -> b.createOrder(gw, sellerId, storefront, i), 201));
        results.add(b.run("list 20 orders, direct to order-service", i -> listOrders(direct, seller), 200));
        results.add(b.run("list 20 orders, through the gateway", i -> listOrders(gw, seller), 200));
        results.forEach(r -> System.out.println(r.line()));
    }
}
