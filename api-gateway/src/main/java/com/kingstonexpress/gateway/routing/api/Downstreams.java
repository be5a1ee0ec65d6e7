package com.kingstonexpress.gateway.routing.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.kingstonexpress.gateway.config.GatewayConfig;
import com.kingstonexpress.gateway.routing.policy.CircuitBreaker;
import com.kingstonexpress.gateway.routing.policy.Downstream;
import com.kingstonexpress.gateway.routing.policy.Instances;
import com.kingstonexpress.gateway.routing.policy.Lane;
import com.kingstonexpress.platform.metrics.KxMetrics;

import io.micrometer.core.instrument.Gauge;
import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * One HTTP client (a keep-alive pool per service) and one circuit breaker per service for each
 * {@link Lane} of traffic. The proxy streams through {@link #requestOptions}; the dashboard, the OpenAPI
 * merge and the health checks use {@link #get} on their own lanes, so none of them can open the breaker
 * or hold the connections of the proxied traffic.
 *
 * <p>Only the service's own failures count against its breaker: a refused or timed-out TCP connect, a
 * reset, no answer within the response timeout. Waiting too long for a free pooled connection means the
 * gateway is busy, not that the service is down: such a request is shed and not counted.
 *
 * <p>A service may run as several instances (its URL lists them, comma-separated): requests go to them in
 * turn, and one whose connection is refused is skipped for the next. Only a failed connect moves a request
 * on, never a failure after a byte was sent: a request that may have reached a service is not sent again.
 * The breaker stays one per service; it counts a failure only when no instance took the connection.
 */
@ApplicationScoped
@Startup // its breakers' gauges are on /q/metrics before the first request
public class Downstreams {

    @Inject
    Vertx vertx;
    @Inject
    GatewayConfig config;
    @Inject
    MeterRegistry registry;

    private final Map<Lane, Map<Downstream, HttpClient>> clients = new EnumMap<>(Lane.class);
    private final Map<Lane, Map<Downstream, CircuitBreaker>> breakers = new EnumMap<>(Lane.class);
    private final Map<Downstream, Instances> instances = new EnumMap<>(Downstream.class);

    /** A service's answer to a small internal call, body read whole. */
    public record Answer(int status, Buffer body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    @PostConstruct
    void start() {
        for (Downstream d : Downstream.values()) {
            instances.put(d, Instances.parse(config.services().of(d).url()));
        }
        for (Lane lane : Lane.values()) {
            int poolSize = poolSize(lane);
            Map<Downstream, HttpClient> laneClients = new EnumMap<>(Downstream.class);
            Map<Downstream, CircuitBreaker> laneBreakers = new EnumMap<>(Downstream.class);
            for (Downstream d : Downstream.values()) {
                laneClients.put(d, vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) config.services().of(d).connectTimeout().toMillis())
                        .setKeepAlive(true)
                        .setMaxPoolSize(poolSize)
                        // A bounded queue: beyond it a request is shed at once rather than piling up.
                        .setMaxWaitQueueSize(poolSize * 4)
                        .setSsl("https".equals(instances.get(d).all().get(0).getScheme()))));
                CircuitBreaker breaker = new CircuitBreaker(config.breaker().failureThreshold(), config.breaker().openFor());
                laneBreakers.put(d, breaker);
                // 1 while the breaker refuses requests to the service (kx_gateway_breaker_open{service, lane}).
                Gauge.builder(KxMetrics.GATEWAY_BREAKER_OPEN, breaker, b -> b.isOpen(System.nanoTime()) ? 1 : 0)
                        .tag("service", d.serviceName()).tag("lane", lane.name().toLowerCase(java.util.Locale.ROOT))
                        .description("1 while the gateway's circuit breaker for the service is open").register(registry);
            }
            clients.put(lane, laneClients);
            breakers.put(lane, laneBreakers);
        }
    }

    private int poolSize(Lane lane) {
        GatewayConfig.Pools pools = config.pools();
        return Math.max(1, switch (lane) {
            case PROXY -> pools.proxy();
            case WEBHOOK -> pools.webhook();
            case DASHBOARD -> pools.dashboard();
            case PROBE -> pools.probe();
            case DOCUMENTS -> pools.documents();
        });
    }

    @PreDestroy
    void stop() {
        clients.values().forEach(laneClients -> laneClients.values().forEach(HttpClient::close));
    }

    public HttpClient client(Lane lane, Downstream d) {
        return clients.get(lane).get(d);
    }

    public CircuitBreaker breaker(Lane lane, Downstream d) {
        return breakers.get(lane).get(d);
    }

    /** The configured base URLs of the service's instances, without a trailing slash (to recognise their own absolute links). */
    public List<String> baseUrls(Downstream d) {
        return instances.get(d).all().stream().map(Instances::withoutTrailingSlash).toList();
    }

    /**
     * A request to the next instance of the service in turn, on {@code lane}'s pool; if that instance refuses
     * the connection (nothing was sent), the next one, until one accepts or all have refused (then the last
     * failure). Other failures to obtain a connection (the lane's pool is busy) end it at once.
     *
     * @param timeout how long the request may go without response data
     */
    public Future<HttpClientRequest> connect(Lane lane, Downstream d, HttpMethod method, String uri, Duration timeout) {
        return connect(client(lane, d), instances.get(d).inTurn().iterator(), method, uri, timeout);
    }

    private Future<HttpClientRequest> connect(HttpClient client, Iterator<URI> candidates, HttpMethod method, String uri, Duration timeout) {
        URI base = candidates.next();
        return client.request(requestOptions(base, method, uri, timeout)).recover(cause -> serviceFailedToConnect(cause) && candidates.hasNext()
                ? connect(client, candidates, method, uri, timeout)
                : Future.failedFuture(cause));
    }

    /**
     * Options addressing {@code uri} on one instance: the TCP connect timeout of the service, the time a
     * request may wait for a pooled connection, and {@code timeout} without response data.
     */
    private RequestOptions requestOptions(URI base, HttpMethod method, String uri, Duration timeout) {
        boolean ssl = "https".equals(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : (ssl ? 443 : 80);
        String prefix = base.getPath() == null || base.getPath().equals("/") ? "" : base.getPath();
        return new RequestOptions()
                .setMethod(method)
                .setHost(base.getHost())
                .setPort(port)
                .setSsl(ssl)
                .setURI(prefix + uri)
                // RequestOptions' connect timeout bounds obtaining a connection (pool wait included).
                .setConnectTimeout(config.pools().acquireTimeout().toMillis())
                .setIdleTimeout(timeout.toMillis());
    }

    /**
     * Whether a failure to obtain a connection is the service's (refused, unknown host, TCP connect
     * timed out) rather than the gateway's own pool being busy.
     */
    public static boolean serviceFailedToConnect(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause.getCause() instanceof ConnectException;
    }

    /**
     * Whether a request failed because its connection closed or was reset before an answer came (an instance that
     * stopped with the connection kept alive in the pool), rather than by a timeout or an answer.
     */
    public static boolean connectionLost(Throwable cause) {
        return cause instanceof HttpClosedException || cause instanceof IOException;
    }

    /**
     * A bodiless call on {@code lane} whose answer is read whole, guarded by that lane's breaker. Fails
     * when the breaker is open, the service is unreachable or too slow, or the lane is busy; any HTTP
     * status is an answer.
     */
    public Future<Answer> get(Lane lane, Downstream d, String uri, MultiMap headers, Duration timeout) {
        CircuitBreaker breaker = breaker(lane, d);
        if (!breaker.allowRequest(System.nanoTime())) {
            return Future.failedFuture(new ServiceUnavailable(d, "circuit open"));
        }
        boolean[] connected = { false };
        return connect(lane, d, HttpMethod.GET, uri, timeout)
                .compose(request -> {
                    connected[0] = true;
                    request.headers().setAll(headers);
                    // body() in the callback that gets the response: chunks before it are dropped.
                    return request.send().compose(response -> response.body().map(body -> new Answer(response.statusCode(), body)));
                })
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .onSuccess(a -> breaker.recordSuccess())
                .onFailure(t -> {
                    if (connected[0] || serviceFailedToConnect(t)) {
                        breaker.recordFailure(System.nanoTime());
                    }
                })
                .recover(t -> Future.failedFuture(t instanceof ServiceUnavailable ? t
                        : new ServiceUnavailable(d, t instanceof TimeoutException ? "timed out" : "unreachable")));
    }

    /** A service could not be asked: down, too slow, or its breaker is open. */
    public static final class ServiceUnavailable extends RuntimeException {
        private final transient Downstream service;

        public ServiceUnavailable(Downstream service, String why) {
            super(service.serviceName() + " " + why, null, false, false);
            this.service = service;
        }

        public Downstream service() {
            return service;
        }
    }
}
