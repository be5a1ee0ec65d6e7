package com.kingstonexpress.notification.delivery.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.kingstonexpress.notification.config.NotificationConfig;
import com.kingstonexpress.notification.delivery.domain.RetrySchedule;
import com.kingstonexpress.notification.delivery.persistence.DeliveryStore;
import com.kingstonexpress.notification.delivery.persistence.DeliveryStore.Attempt;
import com.kingstonexpress.notification.delivery.persistence.DeliveryStore.Claimed;
import com.kingstonexpress.platform.security.WebhookSignature;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Sends due deliveries. One loop claims them from the database (woken at once by new notifications, and
 * every poll interval for retries); the HTTP calls are non-blocking (Vert.x client), each with a whole-
 * request timeout, at most {@code perEndpointConcurrency} per subscription and {@code maxInFlight} in
 * all. A slow or dead endpoint therefore holds a few slots of its own and nothing of anybody else's.
 * Outcomes are written on a small pool of recorder threads.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int MAX_RESPONSE_CHARS = 2000;
    /** How long a claim stays valid beyond the attempt's own timeout before another sender may take it over. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    public static final String EVENT_ID_HEADER = "X-KX-Event-Id";
    public static final String EVENT_TYPE_HEADER = "X-KX-Event-Type";
    public static final String DELIVERY_ID_HEADER = "X-KX-Delivery-Id";
    public static final String ATTEMPT_HEADER = "X-KX-Delivery-Attempt";

    @Inject
    DeliveryStore store;
    @Inject
    NotificationConfig config;
    @Inject
    Vertx vertx;
    @Inject
    Clock clock;

    private final Semaphore wakeUps = new Semaphore(0);
    private final Map<String, AtomicInteger> busy = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;
    private ExecutorService loop;
    private ExecutorService recorders;
    private HttpClient client;
    /** The one Vert.x context every call runs on (see {@link #send}); held here so it lives as long as the client. */
    private Context calls;
    private RetrySchedule retries;

    void onStart(@Observes StartupEvent ignored) {
        if (config.delivery().enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent ignored) {
        stop();
    }

    synchronized void start() {
        NotificationConfig.Delivery d = config.delivery();
        retries = new RetrySchedule(config.retry().initial(), config.retry().max(), config.retry().giveUpAfter());
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) d.connectTimeout().toMillis())
                .setKeepAlive(true)
                // Vert.x pools per host and port: the same bound as the per-endpoint concurrency.
                .setMaxPoolSize(d.perEndpointConcurrency())
                .setMaxRedirects(0)
                .setTrustAll(false)
                .setVerifyHost(true));
        calls = vertx.getOrCreateContext();
        recorders = Executors.newFixedThreadPool(4, r -> new Thread(r, "kx-delivery-recorder"));
        running = true;
        loop = Executors.newSingleThreadExecutor(r -> new Thread(r, "kx-delivery-dispatcher"));
        loop.submit(this::run);
    }

    synchronized void stop() {
        running = false;
        wakeUps.release();
        if (loop != null) {
            loop.shutdown();
            awaitQuietly(loop);
        }
        if (recorders != null) {
            recorders.shutdown();
            awaitQuietly(recorders);
        }
        if (client != null) {
            client.close();
        }
    }

    /** New deliveries were committed: look for them now rather than at the next poll. */
    public void wake() {
        wakeUps.release();
    }

    private void run() {
        while (running) {
            int claimed = 0;
            try {
                claimed = dispatchOnce();
            } catch (RuntimeException e) {
                LOG.warnf("delivery dispatch failed, trying again shortly: %s", e.getMessage());
            }
            if (claimed == 0 || inFlight.get() >= config.delivery().maxInFlight()) {
                try {
                    wakeUps.tryAcquire(config.delivery().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private int dispatchOnce() {
        Instant now = clock.instant();
        store.releaseExpiredLeases(now);
        int capacity = config.delivery().maxInFlight() - inFlight.get();
        if (capacity <= 0) {
            return 0;
        }
        Map<String, Integer> busyNow = new HashMap<>();
        busy.forEach((subscription, n) -> {
            if (n.get() > 0) {
                busyNow.put(subscription, n.get());
            }
        });
        Instant leaseUntil = now.plus(config.delivery().timeout()).plus(LEASE_MARGIN);
        List<Claimed> claimed = store.claimDue(busyNow, config.delivery().perEndpointConcurrency(), capacity, now, leaseUntil);
        for (Claimed c : claimed) {
            busy.computeIfAbsent(c.subscriptionId(), k -> new AtomicInteger()).incrementAndGet();
            inFlight.incrementAndGet();
            send(c);
        }
        return claimed.size();
    }

    private record Response(int status, String body) {
    }

    private void send(Claimed c) {
        Instant started = clock.instant();
        byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
        Promise<Response> answer = Promise.promise();
        answer.future().onComplete(result -> recorders.execute(() -> finish(c, started,
                result.succeeded() ? result.result() : null, result.failed() ? describe(result.cause()) : null)));
        try {
            RequestOptions request = request(c, started, body);
            calls.runOnContext(ignored -> {
                try {
                    post(request, body).onComplete(answer);
                } catch (RuntimeException e) {
                    answer.tryFail(e);
                }
            });
        } catch (RuntimeException e) {
            answer.tryFail(e);
        }
    }

    private RequestOptions request(Claimed c, Instant started, byte[] body) {
        return new RequestOptions()
                .setAbsoluteURI(c.url())
                .setMethod(HttpMethod.POST)
                .setConnectTimeout(config.delivery().connectTimeout().toMillis())
                .setIdleTimeout(config.delivery().timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "KingstonExpress-Notifications/1")
                .putHeader(WebhookSignature.HEADER, WebhookSignature.sign(c.secret(), started, body))
                .putHeader(EVENT_ID_HEADER, c.eventId())
                .putHeader(EVENT_TYPE_HEADER, c.eventType())
                .putHeader(DELIVERY_ID_HEADER, c.deliveryId())
                .putHeader(ATTEMPT_HEADER, Integer.toString(c.attempt()));
    }

    /**
     * One POST, its answer read whole, within the delivery timeout. Runs on {@link #calls}, and asks for the
     * body in the callback that gets the response: Vert.x drops body chunks that arrive before {@code body()}
     * is called, and documents a flat request-send-body chain started off its event loop as racy. Ours was
     * built that way when CI once recorded a 503 with an empty body (not reproduced here since).
     */
    private Future<Response> post(RequestOptions request, byte[] body) {
        return client.request(request)
                .compose(r -> r.send(Buffer.buffer(body))
                        .compose(response -> response.body().map(b -> new Response(response.statusCode(), excerpt(b)))))
                .timeout(config.delivery().timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void finish(Claimed c, Instant started, Response response, String error) {
        try {
            Instant finished = clock.instant();
            boolean delivered = response != null && response.status() >= 200 && response.status() < 300;
            Optional<Instant> next = delivered ? Optional.empty()
                    : retries.nextAttempt(c.attempt(), finished, c.giveUpAt(), ThreadLocalRandom.current().nextDouble());
            String why = error != null ? error : delivered ? null : "endpoint answered " + response.status();
            store.recordOutcome(c, new Attempt(c.attempt(), started, finished, response == null ? null : response.status(), why,
                    response == null ? null : response.body()), delivered, next);
            if (!delivered && next.isEmpty()) {
                LOG.infof("delivery %s parked after %d attempts (event %s, subscription %s): %s", c.deliveryId(), c.attempt(),
                        c.eventId(), c.subscriptionId(), why);
            }
        } catch (RuntimeException e) {
            // The claim's lease runs out and the delivery is sent again: at-least-once, never lost.
            LOG.warnf("outcome of delivery %s could not be recorded: %s", c.deliveryId(), e.getMessage());
        } finally {
            busy.get(c.subscriptionId()).decrementAndGet();
            inFlight.decrementAndGet();
            wake();
        }
    }

    private static String excerpt(Buffer body) {
        String s = body.toString(StandardCharsets.UTF_8);
        return s.length() <= MAX_RESPONSE_CHARS ? s : s.substring(0, MAX_RESPONSE_CHARS);
    }

    private static String describe(Throwable t) {
        if (t instanceof TimeoutException) {
            return "timed out";
        }
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
