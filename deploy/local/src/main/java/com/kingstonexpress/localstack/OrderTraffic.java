package com.kingstonexpress.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.security.WebhookSignature;

/**
 * Concurrent writers against the gateway, as the storefront, sellers, a dispatchment center and a carrier
 * behave: each writer places orders of both types (with an {@code Idempotency-Key}, retried with the same key
 * and body after a 5xx or a broken connection, as the API's client contract says) and walks its earlier orders
 * forward one step per round — Kingston-dispatched ones by signed center events, then carrier events; seller-managed
 * ones by the seller's actions, then carrier events. A step that fails (a service or the broker is down, or a
 * service has not learned of the order yet) is tried again in the next round with the same event id; a webhook
 * delivery whose answer was lost or a 5xx is sent again byte for byte, signature included, as a sender retries it.
 *
 * <p>Used by the fault end-to-end test and by {@code deploy/local/soak}. Loopback only.
 */
public final class OrderTraffic implements AutoCloseable {

    public static final String CARRIER = CenterSimulator.DEMO_CARRIER;
    public static final String CARRIER_SECRET = "dev-carrier-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CREATE_RETRY_LIMIT = Duration.ofSeconds(90);
    /** A delivery whose answer was lost is sent again as it was while its signature is well inside the window. */
    private static final Duration RESEND_WITHIN = WebhookSignature.TOLERANCE.minusMinutes(1);

    /** What the writers did, counted as they go. */
    public static final class Figures {
        public final AtomicLong createsAcknowledged = new AtomicLong();
        public final AtomicLong createsRetried = new AtomicLong();
        public final AtomicLong createsGivenUp = new AtomicLong();
        public final AtomicLong serverErrors = new AtomicLong();
        public final AtomicLong connectionErrors = new AtomicLong();
        public final AtomicLong centerEvents = new AtomicLong();
        public final AtomicLong carrierEvents = new AtomicLong();
        public final AtomicLong sellerActions = new AtomicLong();
        public final AtomicLong stepsRetried = new AtomicLong();
        /** Webhook deliveries sent again byte for byte, signature included, after an answer was lost, a 5xx or a 429. */
        public final AtomicLong deliveriesResent = new AtomicLong();
        /** Resent deliveries answered with a 4xx: a retry of a delivery must get its first answer or go first. */
        public final AtomicLong resendsRefused = new AtomicLong();
        /** The first few of those answers, status and body, so a failure says who refused and why. */
        public final Queue<String> refusedResends = new ConcurrentLinkedQueue<>();

        @Override
        public String toString() {
            return String.format("creates acknowledged %d (retried %d, given up %d); center events %d, carrier events %d, seller actions %d "
                    + "(steps retried %d, webhook deliveries resent as they were %d, refused %d); 5xx %d, connection errors %d",
                    createsAcknowledged.get(), createsRetried.get(), createsGivenUp.get(), centerEvents.get(), carrierEvents.get(),
                    sellerActions.get(), stepsRetried.get(), deliveriesResent.get(), resendsRefused.get(), serverErrors.get(),
                    connectionErrors.get()) + (refusedResends.isEmpty() ? "" : "; refused resends: " + refusedResends);
        }
    }

    private final String gateway;
    private final int writers;
    private final Duration round;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String storefront = DevTokens.storefront();
    private final Figures figures = new Figures();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.BlockingQueue<String> kingstonDispatched = new java.util.concurrent.LinkedBlockingQueue<>();
    private volatile boolean walk = true;
    private final AtomicBoolean creating = new AtomicBoolean(true);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private ExecutorService pool;
    private final List<Future<?>> workers = new ArrayList<>();

    /**
     * @param round each writer starts a round (one create, one attempt at each of its orders' next steps) at most this
     *              often: steady pressure that leaves the machine's cores to the services, restarts included
     */
    public OrderTraffic(String gatewayUrl, int writers, Duration round) {
        String host = URI.create(gatewayUrl).getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("traffic runs against this machine only (loopback), not " + gatewayUrl);
        }
        this.gateway = gatewayUrl;
        this.writers = writers;
        this.round = round;
    }

    /** Starts the writers; each creates at most {@code ordersPerWriter} orders. */
    public OrderTraffic start(int ordersPerWriter) {
        pool = Executors.newFixedThreadPool(writers, r -> {
            Thread t = new Thread(r, "kx-traffic");
            t.setDaemon(true);
            return t;
        });
        for (int w = 0; w < writers; w++) {
            int writer = w;
            workers.add(pool.submit(() -> write(writer, ordersPerWriter)));
        }
        return this;
    }

    /**
     * Places orders only: their Kingston-dispatched ids are handed to {@link #nextKingstonDispatched} for another
     * driver (the soak) to walk.
     */
    public OrderTraffic createOnly() {
        walk = false;
        return this;
    }

    /** The next acknowledged Kingston-dispatched order of a {@link #createOnly} run, or null if none came within the wait. */
    public String nextKingstonDispatched(Duration wait) throws InterruptedException {
        return kingstonDispatched.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops placing new orders; earlier ones keep being walked forward until {@link #stop}. */
    public void stopCreating() {
        creating.set(false);
    }

    /** Stops every writer and waits for them (a request in flight finishes or times out). */
    public void stop() {
        creating.set(false);
        running.set(false);
        for (Future<?> f : workers) {
            try {
                f.get(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                throw new IllegalStateException("a writer failed: " + e, e);
            }
        }
    }

    /** Whether every writer has finished on its own (all orders created and walked to their end). */
    public boolean finished() {
        return workers.stream().allMatch(Future::isDone);
    }

    public Figures figures() {
        return figures;
    }

    /** Ids of the orders whose create was acknowledged (2xx). */
    public Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    @Override
    public void close() {
        running.set(false);
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- one writer

    private void write(int writer, int maxOrders) {
        String sellerId = "traffic-" + runId + "-" + writer;
        String sellerToken = DevTokens.seller(sellerId);
        List<Order> walking = new ArrayList<>();
        int created = 0;
        while (running.get()) {
            long roundStart = System.nanoTime();
            if (creating.get() && created < maxOrders) {
                boolean kingston = (created + writer) % 2 == 0;
                String orderId = create(sellerId, kingston, writer + "-" + created);
                created++;
                if (orderId != null && walk) {
                    walking.add(new Order(orderId, kingston, sellerToken));
                } else if (orderId != null && kingston) {
                    kingstonDispatched.add(orderId);
                }
            } else if (walking.isEmpty()) {
                return;
            }
            for (Iterator<Order> it = walking.iterator(); it.hasNext() && running.get();) {
                Order order = it.next();
                long failuresBefore = figures.serverErrors.get() + figures.connectionErrors.get();
                if (advance(order) && order.done()) {
                    it.remove();
                }
                if (figures.serverErrors.get() + figures.connectionErrors.get() > failuresBefore) {
                    break; // a service is down: back off until the next round rather than hammer it while it restarts
                }
            }
            long rest = round.toMillis() - (System.nanoTime() - roundStart) / 1_000_000;
            if (rest > 0) {
                pause(rest);
            }
        }
    }

    /** Places one order, retrying with the same key and body until acknowledged; null if it never was. */
    private String create(String sellerId, boolean kingston, String suffix) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sellerId", sellerId);
        body.put("customerId", "customer-" + sellerId + "-" + suffix);
        body.put("customerName", "Traffic Customer");
        body.put("type", kingston ? "KINGSTON_DISPATCHED" : "SELLER_MANAGED");
        if (kingston) {
            body.put("fulfillmentCenterId", CenterSimulator.DEMO_CENTER);
        }
        body.put("lines", List.of(Map.of("sku", "KX-TRAFFIC-" + (suffix.hashCode() & 63), "title", "Traffic item", "quantity", 1,
                "unitPrice", Map.of("amount", "7.25", "currency", "GBP"))));
        body.put("deliveryAddress", Map.of("name", "Traffic Customer", "line1", "1 Load Lane", "city", "Leeds", "region", "England",
                "postalCode", "LS1 1AA", "country", "GB", "phone", "+44 113 000 0000"));
        body.put("shippingMethod", "STANDARD");
        body.put("notes", "");
        String json = write(body);
        String key = "traffic-" + runId + "-" + suffix;
        Instant giveUp = Instant.now().plus(CREATE_RETRY_LIMIT);
        for (int attempt = 0; running.get() && Instant.now().isBefore(giveUp); attempt++) {
            if (attempt > 0) {
                figures.createsRetried.incrementAndGet();
                pause(Math.min(1000, 100L * attempt));
            }
            Reply r = send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/orders")).header("Authorization", "Bearer " + storefront)
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
            if (r.status / 100 == 2) {
                String orderId = r.body.path("orderId").asText(null);
                if (orderId == null) {
                    throw new IllegalStateException("a create answered " + r.status + " without an orderId: " + r.body);
                }
                acknowledged.add(orderId);
                figures.createsAcknowledged.incrementAndGet();
                return orderId;
            }
            if (r.status / 100 == 4 && r.status != 408 && r.status != 429) {
                throw new IllegalStateException("a create was refused with " + r.status + ": " + r.body);
            }
        }
        figures.createsGivenUp.incrementAndGet();
        return null;
    }

    // ---------------------------------------------------------------- walking an order

    /** Journey of an order: the steps still to do, each with its own event id kept across attempts. */
    private static final class Order {
        final String id;
        final boolean kingston;
        final String sellerToken;
        final String trackingNumber;
        final List<String> steps;
        final Map<String, String> eventIds = new LinkedHashMap<>();
        final Map<String, Instant> occurredAt = new LinkedHashMap<>();
        /** Per step, the signed delivery whose answer was lost or a 5xx: a sender retries it as it was. */
        final Map<String, Delivery> unanswered = new LinkedHashMap<>();
        int next;

        Order(String id, boolean kingston, String sellerToken) {
            this.id = id;
            this.kingston = kingston;
            this.sellerToken = sellerToken;
            this.trackingNumber = CenterSimulator.trackingNumber(id);
            this.steps = kingston
                    ? List.of("center:PICKED", "center:PACKED", "center:HANDED_TO_CARRIER", "carrier:IN_TRANSIT", "carrier:OUT_FOR_DELIVERY",
                            "carrier:DELIVERED")
                    : List.of("seller:start-processing", "seller:confirm-address", "seller:mark-shipped", "carrier:IN_TRANSIT",
                            "carrier:DELIVERED");
        }

        boolean done() {
            return next >= steps.size();
        }
    }

    /** Tries the order's next step once; true when it is done (or was found done already). */
    private boolean advance(Order order) {
        if (order.done()) {
            return true;
        }
        String step = order.steps.get(order.next);
        String kind = step.substring(0, step.indexOf(':'));
        String what = step.substring(step.indexOf(':') + 1);
        boolean ok = switch (kind) {
            case "center" -> event(order, what, true);
            case "carrier" -> event(order, what, false);
            default -> sellerAction(order, what);
        };
        if (ok) {
            order.next++;
            (switch (kind) {
                case "center" -> figures.centerEvents;
                case "carrier" -> figures.carrierEvents;
                default -> figures.sellerActions;
            }).incrementAndGet();
        } else {
            figures.stepsRetried.incrementAndGet();
        }
        return ok;
    }

    private boolean event(Order order, String type, boolean center) {
        String eventId = order.eventIds.computeIfAbsent(type, t -> UUID.randomUUID().toString());
        Instant at = order.occurredAt.computeIfAbsent(type, t -> Instant.now());
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", eventId);
        if (center) {
            e.put("orderId", order.id);
            e.put("carrier", CARRIER);
        }
        e.put("trackingNumber", order.trackingNumber);
        e.put("type", type);
        e.put("occurredAt", at.toString());
        e.put("location", center ? "London dispatchment center" : "Leeds depot");
        if (type.equals("DELIVERED")) {
            e.put("proof", "signature:" + order.id.substring(0, 8));
        }
        Delivery delivery = order.unanswered.remove(type);
        boolean resent = delivery != null && delivery.signedAt().isAfter(Instant.now().minus(RESEND_WITHIN));
        if (resent) {
            figures.deliveriesResent.incrementAndGet();
        } else {
            byte[] bytes = write(Map.of("events", List.of(e))).getBytes(StandardCharsets.UTF_8);
            Instant now = Instant.now();
            delivery = new Delivery(bytes, WebhookSignature.sign(center ? CenterSimulator.DEMO_CENTER_SECRET : CARRIER_SECRET, now, bytes), now);
        }
        Reply r = post(center ? "/api/v1/fulfillment-centers/" + CenterSimulator.DEMO_CENTER + "/events"
                : "/api/v1/carriers/" + CARRIER + "/tracking-events", delivery);
        if (r.status < 0 || r.status >= 500 || r.status == 429) {
            // Maybe applied, maybe not (an answer lost, a 5xx), or not let in yet (the gateway's 429): the same bytes
            // under the same signature either go first or get the first answer.
            order.unanswered.put(type, delivery);
            return false;
        }
        if (resent && r.status >= 400 && figures.resendsRefused.incrementAndGet() <= 5) {
            figures.refusedResends.add(type + " of " + order.id + " signed " + delivery.signedAt() + ": " + r.status + " " + r.body);
        }
        // Refused for now (e.g. the order or its tracking number is not known to fulfillment yet): a later attempt is
        // a new delivery, signed again, since a resent one would get the same answer.
        return r.status == 202 && r.body.path("accepted").asInt() + r.body.path("duplicates").asInt() == 1;
    }

    private boolean sellerAction(Order order, String action) {
        Map<String, Object> body = action.equals("mark-shipped") ? Map.of("carrier", CARRIER, "trackingNumber", order.trackingNumber) : Map.of();
        Reply r = send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/orders/" + order.id + "/actions/" + action))
                .header("Authorization", "Bearer " + order.sellerToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
        if (r.status == 200) {
            return true;
        }
        if (r.status == 409) {
            // An earlier attempt may have been applied although its answer was lost: look at where the order is.
            Reply now = send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/orders/" + order.id))
                    .header("Authorization", "Bearer " + order.sellerToken).GET());
            if (now.status == 200) {
                return alreadyDone(action, now.body);
            }
        }
        return false;
    }

    private static boolean alreadyDone(String action, JsonNode order) {
        String status = order.path("status").asText();
        return switch (action) {
            case "start-processing" -> !status.equals("NEW");
            case "confirm-address" -> order.path("addressConfirmed").asBoolean(false);
            case "mark-shipped" -> List.of("SHIPPED", "IN_TRANSIT", "DELIVERED").contains(status);
            default -> false;
        };
    }

    // ---------------------------------------------------------------- HTTP

    private record Reply(int status, JsonNode body) {
    }

    /** One signed webhook request, as a sender keeps it to retry. */
    private record Delivery(byte[] bytes, String signature, Instant signedAt) {
    }

    private Reply post(String path, Delivery delivery) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, delivery.signature()).POST(HttpRequest.BodyPublishers.ofByteArray(delivery.bytes())));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 500) {
                figures.serverErrors.incrementAndGet();
            }
            JsonNode body;
            try {
                body = r.body() == null || r.body().isBlank() ? JSON.missingNode() : JSON.readTree(r.body());
            } catch (IOException notJson) {
                body = JSON.missingNode();
            }
            return new Reply(r.statusCode(), body);
        } catch (IOException e) {
            figures.connectionErrors.incrementAndGet();
            return new Reply(-1, JSON.missingNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
            return new Reply(-1, JSON.missingNode());
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}
