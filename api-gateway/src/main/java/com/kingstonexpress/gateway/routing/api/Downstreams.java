package com.kingstonexpress.gateway.routing.api;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.kingstonexpress.gateway.config.GatewayConfig;
import com.kingstonexpress.gateway.routing.domain.CircuitBreaker;
import com.kingstonexpress.gateway.routing.domain.Downstream;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * One pooled HTTP client and one circuit breaker per service. The proxy streams through
 * {@link #requestOptions}; the dashboard, the OpenAPI merge and the health checks use {@link #get}.
 */
@ApplicationScoped
public class Downstreams {

    @Inject
    Vertx vertx;
    @Inject
    GatewayConfig config;

    private final Map<Downstream, HttpClient> clients = new EnumMap<>(Downstream.class);
    private final Map<Downstream, CircuitBreaker> breakers = new EnumMap<>(Downstream.class);
    private final Map<Downstream, URI> bases = new EnumMap<>(Downstream.class);

    /** A service's answer to a small internal call, body read whole. */
    public record Answer(int status, Buffer body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    @PostConstruct
    void start() {
        for (Downstream d : Downstream.values()) {
            GatewayConfig.Service service = config.services().of(d);
            URI base = URI.create(service.url());
            bases.put(d, base);
            clients.put(d, vertx.createHttpClient(new HttpClientOptions()
                    .setConnectTimeout((int) service.connectTimeout().toMillis())
                    .setKeepAlive(true)
                    .setMaxPoolSize(64)
                    .setSsl("https".equals(base.getScheme()))));
            breakers.put(d, new CircuitBreaker(config.breaker().failureThreshold(), config.breaker().openFor()));
        }
    }

    @PreDestroy
    void stop() {
        clients.values().forEach(HttpClient::close);
    }

    public HttpClient client(Downstream d) {
        return clients.get(d);
    }

    public CircuitBreaker breaker(Downstream d) {
        return breakers.get(d);
    }

    /** The configured base URL, without a trailing slash (to recognise the service's own absolute links). */
    public String baseUrl(Downstream d) {
        String url = config.services().of(d).url();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Options addressing {@code uri} on the service, with its connect and response timeouts. */
    public RequestOptions requestOptions(Downstream d, HttpMethod method, String uri, Duration timeout) {
        URI base = bases.get(d);
        boolean ssl = "https".equals(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : (ssl ? 443 : 80);
        String prefix = base.getPath() == null || base.getPath().equals("/") ? "" : base.getPath();
        return new RequestOptions()
                .setMethod(method)
                .setHost(base.getHost())
                .setPort(port)
                .setSsl(ssl)
                .setURI(prefix + uri)
                .setConnectTimeout(config.services().of(d).connectTimeout().toMillis())
                .setIdleTimeout(timeout.toMillis());
    }

    /**
     * A bodiless call whose answer is read whole, guarded by the service's breaker. Fails when the
     * breaker is open, the service is unreachable or too slow; any HTTP status is an answer.
     */
    public Future<Answer> get(Downstream d, String uri, MultiMap headers, Duration timeout) {
        CircuitBreaker breaker = breakers.get(d);
        if (!breaker.allowRequest(System.nanoTime())) {
            return Future.failedFuture(new ServiceUnavailable(d, "circuit open"));
        }
        RequestOptions options = requestOptions(d, HttpMethod.GET, uri, timeout);
        options.setHeaders(headers);
        return clients.get(d).request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body)))
                .timeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .onSuccess(a -> breaker.recordSuccess())
                .onFailure(t -> breaker.recordFailure(System.nanoTime()))
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
