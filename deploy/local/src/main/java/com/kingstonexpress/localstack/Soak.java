package com.kingstonexpress.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.security.WebhookSignature;

/**
 * {@code deploy/local/soak}: the pipeline under sustained load and faults, on demand (never in {@code ./mvnw verify}).
 * It starts its own stack on free ports (so it can kill parts of it), places orders with concurrent writers, drives
 * every Kingston-dispatched one through a long journey of signed center events — a share of them sent twice and a
 * share sent out of order — kills the broker (SIGKILL) and restarts it a third of the way through, kills
 * fulfillment-service and restarts it two thirds of the way through, then waits for the stack to settle and prints
 * what the reconciliation finds lost or doubled per topic, consumer and projection, and the center events' own count.
 */
public final class Soak {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 3;

    private final int orders;
    private final int centerEvents;
    private final int writers;
    private final double duplicates;
    private final double reordered;
    private final Random random = new Random(20261130);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sentAgain = new AtomicLong();
    private final AtomicLong sentOutOfOrder = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong reportedDuplicate = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong refusedForNow = new AtomicLong();
    private final AtomicLong failedRequests = new AtomicLong();
    private final Map<String, Integer> uniquePerOrder = new ConcurrentHashMap<>();

    Soak(int orders, int centerEvents, int writers, double duplicates, double reordered) {
        this.orders = orders;
        this.centerEvents = centerEvents;
        this.writers = writers;
        this.duplicates = duplicates;
        this.reordered = reordered;
    }

    public static void main(String[] args) throws Exception {
        int orders = 10_000;
        int centerEvents = 100_000;
        int writers = 16;
        double duplicates = 0.10;
        double reordered = 0.10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--orders" -> orders = Integer.parseInt(args[++i]);
                case "--center-events" -> centerEvents = Integer.parseInt(args[++i]);
                case "--writers" -> writers = Integer.parseInt(args[++i]);
                case "--duplicates" -> duplicates = Double.parseDouble(args[++i]);
                case "--reordered" -> reordered = Double.parseDouble(args[++i]);
                default -> {
                    System.err.println("usage: soak [--orders 10000] [--center-events 100000] [--writers 16] [--duplicates 0.10] [--reordered 0.10]");
                    System.exit(2);
                }
            }
        }
        Path root = Path.of(System.getProperty("kx.root", ".")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("kx-soak-stack");
        LocalStack stack = new LocalStack(StackConfig.onFreePorts(root, data), new java.io.PrintStream(
                Files.newOutputStream(data.resolve("stack.log")), true, StandardCharsets.UTF_8));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "kx-soak-stack-stop"));
        System.out.println("soak| starting a stack on free ports (logs in " + data + ")");
        stack.start();
        boolean clean;
        try {
            clean = new Soak(orders, centerEvents, writers, duplicates, reordered).run(stack);
        } finally {
            stack.close();
        }
        System.exit(clean ? 0 : 1);
    }

    boolean run(LocalStack stack) throws Exception {
        StackAccess access = StackAccess.of(stack.config());
        String gateway = stack.config().gatewayUrl();
        int kingston = orders / 2;
        int unique = Math.max(6, (int) Math.round(centerEvents / (1 + duplicates) / Math.max(1, kingston)));
        System.out.printf("soak| %d orders (%d Kingston-dispatched, %d unique center events each), about %d center events, %d writers, "
                + "%.0f%% sent twice, %.0f%% out of order%n", orders, kingston, unique, Math.round(kingston * unique * (1 + duplicates)), writers,
                duplicates * 100, reordered * 100);
        Instant started = Instant.now();
        List<String> faults = new ArrayList<>();
        try (OrderTraffic traffic = new OrderTraffic(gateway, writers, Duration.ZERO).createOnly()) {
            traffic.start((orders + writers - 1) / writers);
            ExecutorService centers = Executors.newFixedThreadPool(writers);
            List<Future<?>> drivers = new ArrayList<>();
            AtomicLong ordersWalked = new AtomicLong();
            for (int w = 0; w < writers; w++) {
                drivers.add(centers.submit(() -> {
                    for (;;) {
                        String orderId = traffic.nextKingstonDispatched(Duration.ofSeconds(5));
                        if (orderId == null) {
                            if (traffic.finished()) {
                                return null;
                            }
                            continue;
                        }
                        walk(gateway, orderId, unique);
                        ordersWalked.incrementAndGet();
                    }
                }));
            }
            long expected = Math.round(kingston * unique * (1 + duplicates));
            Thread faultLine = new Thread(() -> {
                try {
                    awaitProgress(expected / 3);
                    stack.kafka().kill();
                    faults.add("broker killed at " + sent.get() + " center events sent");
                    awaitCreates(traffic, 200);
                    stack.kafka().start(Duration.ofMinutes(3));
                    faults.add("broker back at " + sent.get());
                    awaitProgress(2 * expected / 3);
                    faults.add("fulfillment-service killed at " + sent.get());
                    stack.restartAfterCrash("fulfillment");
                    faults.add("fulfillment-service back at " + sent.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "soak-faults");
            faultLine.setDaemon(true);
            faultLine.start();
            Instant progress = Instant.now();
            for (Future<?> d : drivers) {
                while (!d.isDone()) {
                    if (Instant.now().isAfter(progress.plusSeconds(30))) {
                        progress = Instant.now();
                        System.out.printf("soak| %4ds: %s; center events sent %d, orders walked %d%n",
                                Duration.between(started, Instant.now()).toSeconds(), traffic.figures(), sent.get(), ordersWalked.get());
                    }
                    try {
                        d.get(5, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException stillRunning) {
                        // report progress and wait on
                    }
                }
            }
            centers.shutdown();
            traffic.stop();
            faultLine.join(Duration.ofMinutes(5).toMillis());
            Duration driving = Duration.between(started, Instant.now());
            System.out.printf("soak| driving took %d s: %s%n", driving.toSeconds(), traffic.figures());
            faults.forEach(f -> System.out.println("soak| fault: " + f));
            System.out.printf("soak| center events: %d sent (%d again on purpose, %d out of order), %d applied at once, %d parked until "
                    + "fulfillment-service knew the order, %d answered as duplicates, %d refused for now and resent, %d requests "
                    + "failed and resent; %.0f events/s%n", sent.get(), sentAgain.get(), sentOutOfOrder.get(), accepted.get(),
                    parked.get(), reportedDuplicate.get(), refusedForNow.get(), failedRequests.get(),
                    sent.get() / Math.max(1.0, driving.toSeconds()));

            Reconciliation reconciliation = new Reconciliation(access, Duration.ofSeconds(60));
            Reconciliation.Report report = reconciliation.awaitClean(Duration.ofMinutes(10), Duration.ofSeconds(10));
            System.out.printf("soak| settled %d s after the drivers finished%n", Duration.between(started.plus(driving), Instant.now()).toSeconds());
            report.print(System.out, 30);
            Map<String, Long> lost = report.count(Reconciliation.Kind.LOST);
            Map<String, Long> doubled = report.count(Reconciliation.Kind.DOUBLED);
            System.out.println("soak| lost per topic/consumer/projection:    " + (lost.isEmpty() ? "none" : lost));
            System.out.println("soak| doubled per topic/consumer/projection: " + (doubled.isEmpty() ? "none" : doubled));
            Map<String, Set<String>> absent = reconciliation.absent(traffic.acknowledged());
            System.out.println("soak| acknowledged creates " + traffic.acknowledged().size() + ", missing somewhere: "
                    + (absent.isEmpty() ? "none" : absent.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).toList()));
            boolean centerEventsExact = centerEventsOnce(access);
            return report.clean() && absent.isEmpty() && centerEventsExact;
        }
    }

    /** Every unique center event of every walked order is in fulfillment's tracking history exactly once. */
    private boolean centerEventsOnce(StackAccess access) throws SQLException {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection c = access.connect(access.database("fulfillment"));
                PreparedStatement s = c.prepareStatement("SELECT order_id, count(*) FROM tracking_event WHERE source = 'CENTER' GROUP BY order_id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getInt(2));
            }
        }
        long lost = 0;
        long doubled = 0;
        for (Map.Entry<String, Integer> e : uniquePerOrder.entrySet()) {
            int n = stored.getOrDefault(e.getKey(), 0);
            lost += Math.max(0, e.getValue() - n);
            doubled += Math.max(0, n - e.getValue());
        }
        long delivered = 0;
        try (Connection c = access.connect(access.database("order"));
                PreparedStatement s = c.prepareStatement("SELECT order_id FROM orders WHERE status = 'DELIVERED'");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                if (uniquePerOrder.containsKey(rs.getString(1))) {
                    delivered++;
                }
            }
        }
        System.out.printf("soak| center events in fulfillment's tracking history: %d lost, %d doubled (over %d orders); "
                + "%d of %d walked orders DELIVERED in order-service%n", lost, doubled, uniquePerOrder.size(), delivered, uniquePerOrder.size());
        return lost == 0 && doubled == 0 && delivered == uniquePerOrder.size();
    }

    /** Sends one order's journey: unique events in time order, some swapped with the next, some sent a second time. */
    private void walk(String gateway, String orderId, int unique) throws InterruptedException {
        List<String> types = new ArrayList<>(List.of("PICKED", "PACKED", "HANDED_TO_CARRIER"));
        for (int i = 0; i < unique - 5; i++) {
            types.add("IN_TRANSIT");
        }
        types.add("OUT_FOR_DELIVERY");
        types.add("DELIVERED");
        Instant base = Instant.now().minusSeconds(unique + 5L);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("eventId", "soak-" + UUID.randomUUID());
            e.put("orderId", orderId);
            e.put("type", types.get(i));
            e.put("occurredAt", base.plusSeconds(i).toString());
            e.put("carrier", CenterSimulator.DEMO_CARRIER);
            e.put("trackingNumber", CenterSimulator.trackingNumber(orderId));
            e.put("location", "scan " + i);
            if (types.get(i).equals("DELIVERED")) {
                e.put("proof", "signature:" + orderId.substring(0, 8));
            }
            events.add(e);
        }
        uniquePerOrder.put(orderId, events.size());
        List<Map<String, Object>> sending;
        synchronized (random) {
            sending = new ArrayList<>(events);
            for (int i = 0; i + 1 < sending.size(); i++) {
                if (random.nextDouble() < reordered) {
                    Map<String, Object> later = sending.get(i + 1);
                    sending.set(i + 1, sending.get(i));
                    sending.set(i, later);
                    sentOutOfOrder.incrementAndGet();
                    i++;
                }
            }
            for (Map<String, Object> e : events) {
                if (random.nextDouble() < duplicates) {
                    int at = Math.min(sending.size(), sending.indexOf(e) + 1 + random.nextInt(4));
                    sending.add(at, e);
                    sentAgain.incrementAndGet();
                }
            }
        }
        for (int from = 0; from < sending.size(); from += BATCH) {
            List<Map<String, Object>> batch = new ArrayList<>(sending.subList(from, Math.min(sending.size(), from + BATCH)));
            sendUntilTaken(gateway, batch);
        }
    }

    /** Sends a batch, then again (re-signed, same event ids) what was refused for now or lost with a failed request. */
    private void sendUntilTaken(String gateway, List<Map<String, Object>> batch) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
        while (!batch.isEmpty()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("center events not taken within 5 minutes: " + batch);
            }
            byte[] body = write(Map.of("events", batch)).getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/fulfillment-centers/" + CenterSimulator.DEMO_CENTER + "/events"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(CenterSimulator.DEMO_CENTER_SECRET, Instant.now(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            JsonNode answer = null;
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 202) {
                    answer = JSON.readTree(r.body());
                }
            } catch (IOException e) {
                // the gateway or fulfillment-service is down: send again
            }
            if (answer == null) {
                failedRequests.incrementAndGet();
                Thread.sleep(500);
                continue;
            }
            sent.addAndGet(batch.size());
            accepted.addAndGet(answer.path("accepted").asLong());
            reportedDuplicate.addAndGet(answer.path("duplicates").asLong());
            parked.addAndGet(answer.path("parked").asLong());
            Set<String> again = new java.util.HashSet<>();
            answer.path("rejected").forEach(r -> again.add(r.path("eventId").asText()));
            refusedForNow.addAndGet(again.size());
            batch.removeIf(e -> !again.contains((String) e.get("eventId")));
            if (!batch.isEmpty()) {
                Thread.sleep(300); // fulfillment-service has not learned of the order yet
            }
        }
    }

    private void awaitProgress(long events) throws InterruptedException {
        while (sent.get() < events) {
            Thread.sleep(200);
        }
    }

    private static void awaitCreates(OrderTraffic traffic, int more) throws InterruptedException {
        long target = traffic.figures().createsAcknowledged.get() + more;
        Instant giveUp = Instant.now().plusSeconds(30);
        while (traffic.figures().createsAcknowledged.get() < target && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
