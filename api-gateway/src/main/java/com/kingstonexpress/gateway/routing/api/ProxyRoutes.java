package com.kingstonexpress.gateway.routing.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.kingstonexpress.gateway.config.GatewayConfig;
import com.kingstonexpress.gateway.edge.api.EdgeGuard;
import com.kingstonexpress.gateway.edge.api.ProblemResponses;
import com.kingstonexpress.gateway.edge.api.RateLimiter;
import com.kingstonexpress.gateway.edge.domain.TokenBucket;
import com.kingstonexpress.gateway.routing.domain.CircuitBreaker;
import com.kingstonexpress.gateway.routing.domain.Downstream;
import com.kingstonexpress.gateway.routing.domain.ForwardedHeaders;
import com.kingstonexpress.gateway.routing.domain.RouteTable;
import com.kingstonexpress.platform.security.WebhookSignature;
import com.kingstonexpress.platform.web.RequestIds;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The reverse proxy: every public path of the four services (RouteTable) passes the edge (size, identity,
 * role, rate), then is streamed to its service and the answer streamed back. Bodies are never buffered
 * whole; a service that cannot be reached answers 503 (504 when too slow) naming it, never a hang.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    private static final int PROXY_ROUTE_ORDER = -3;

    @Inject
    Downstreams downstreams;
    @Inject
    EdgeGuard edge;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    ProblemResponses problems;
    @Inject
    GatewayConfig config;
    @Inject
    Vertx vertx;

    void register(@Observes Router router) {
        // Before Quarkus's own body-size route (order -2; after the CORS filter), so that every oversized
        // body sent to a service is refused by the gateway, as problem+json, however large.
        router.routeWithRegex(RouteTable.PROXIED_PATHS).order(PROXY_ROUTE_ORDER).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        in.pause();
        String requestId = RequestIds.acceptOrCreate(in.getHeader(RequestIds.HEADER));
        RequestIds.set(requestId);
        ctx.response().putHeader(RequestIds.HEADER, requestId);
        String path = ctx.normalizedPath();
        Downstream target = RouteTable.serviceFor(path).orElseThrow();

        long maxBody = config.maxBodyBytes();
        String declaredLength = in.getHeader("Content-Length");
        if (declaredLength != null && exceeds(declaredLength, maxBody)) {
            refuseOversized(ctx, maxBody, requestId);
            return;
        }
        String method = in.method().name();
        String authorization = in.getHeader("Authorization");
        String signature = in.getHeader(WebhookSignature.HEADER);
        // Token verification may block (a key set fetched over HTTP in production): off the event loop.
        vertx.executeBlocking(() -> edge.check(method, path, authorization, signature), false).onComplete(checked -> {
            if (checked.failed()) {
                LOG.error("edge check failed", checked.cause());
                problems.send(ctx, ProblemResponses.internal(), requestId);
            } else {
                admitted(ctx, target, path, requestId, checked.result());
            }
        });
    }

    private void admitted(RoutingContext ctx, Downstream target, String path, String requestId, EdgeGuard.Verdict verdict) {
        if (verdict.refusal() != null) {
            problems.send(ctx, verdict.refusal(), requestId);
            return;
        }
        TokenBucket.Decision rate = rateLimiter.take(verdict.principal());
        if (!rate.allowed()) {
            ctx.response().putHeader("Retry-After", Long.toString(rate.retryAfterSeconds()));
            problems.send(ctx, ProblemResponses.tooManyRequests(rate.retryAfterSeconds()), requestId);
            return;
        }
        CircuitBreaker breaker = downstreams.breaker(target);
        if (!breaker.allowRequest(System.nanoTime())) {
            ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, breaker.secondsUntilTrial(System.nanoTime()))));
            problems.send(ctx, ProblemResponses.serviceUnavailable(target), requestId);
            return;
        }
        forward(ctx, target, path, requestId, breaker);
    }

    private void forward(RoutingContext ctx, Downstream target, String path, String requestId, CircuitBreaker breaker) {
        HttpServerRequest in = ctx.request();
        // The normalized path goes on, so the service sees exactly the path the edge rules were checked on.
        String uri = in.query() == null ? path : path + "?" + in.query();
        RequestOptions options = downstreams.requestOptions(target, in.method(), uri, config.services().of(target).timeout());
        downstreams.client(target).request(options).onComplete(connected -> {
            if (connected.failed()) {
                breaker.recordFailure(System.nanoTime());
                LOG.warnf("%s unreachable for %s %s: %s", target.serviceName(), in.method(), path, connected.cause().getMessage());
                problems.send(ctx, ProblemResponses.serviceUnavailable(target), requestId);
                return;
            }
            HttpClientRequest out = connected.result();
            // A client that goes away takes its request to the service with it.
            ctx.response().closeHandler(v -> out.reset());
            copyRequestHeaders(in, out, requestId);
            if ("100-continue".equalsIgnoreCase(in.getHeader("Expect"))) {
                // The client waits for this before sending its body; the service is reached, so let it come.
                ctx.response().writeContinue();
            }
            out.response().onComplete(answered -> {
                if (answered.failed()) {
                    onServiceFailure(ctx, target, breaker, answered.cause(), requestId);
                } else {
                    breaker.recordSuccess();
                    relayResponse(ctx, target, answered.result());
                }
            });
            streamBody(ctx, out, requestId);
        });
    }

    private void copyRequestHeaders(HttpServerRequest in, HttpClientRequest out, String requestId) {
        Set<String> connectionTokens = connectionTokens(in.headers());
        MultiMap headers = out.headers();
        for (Map.Entry<String, String> header : in.headers()) {
            if (ForwardedHeaders.forwardRequestHeader(header.getKey(), connectionTokens)
                    && !header.getKey().equalsIgnoreCase(RequestIds.HEADER)) {
                headers.add(header.getKey(), header.getValue());
            }
        }
        headers.set(RequestIds.HEADER, requestId);
        headers.set("X-Forwarded-Proto", in.scheme());
        if (in.host() != null) {
            headers.set("X-Forwarded-Host", in.host());
        }
        if (in.remoteAddress() != null) {
            headers.set("X-Forwarded-For", in.remoteAddress().hostAddress());
        }
        boolean chunked = "chunked".equalsIgnoreCase(in.getHeader("Transfer-Encoding"));
        if (chunked && in.getHeader("Content-Length") == null) {
            out.setChunked(true);
        }
    }

    /** Streams the client's body to the service, counting bytes so a chunked body cannot exceed the limit. */
    private void streamBody(RoutingContext ctx, HttpClientRequest out, String requestId) {
        HttpServerRequest in = ctx.request();
        long maxBody = config.maxBodyBytes();
        long[] received = { 0 };
        in.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > maxBody) {
                in.handler(null);
                in.endHandler(null);
                // Answer first: resetting the service's request fails its response, which must not become a 503.
                refuseOversized(ctx, maxBody, requestId);
                out.reset();
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                in.pause();
                out.drainHandler(v -> in.resume());
            }
        });
        in.endHandler(v -> out.end());
        in.exceptionHandler(t -> out.reset());
        in.resume();
    }

    private void relayResponse(RoutingContext ctx, Downstream target, HttpClientResponse answer) {
        HttpServerResponse response = ctx.response();
        if (response.closed()) {
            answer.request().reset();
            return;
        }
        response.setStatusCode(answer.statusCode());
        response.setStatusMessage(answer.statusMessage());
        Set<String> connectionTokens = connectionTokens(answer.headers());
        String serviceBase = downstreams.baseUrl(target);
        for (Map.Entry<String, String> header : answer.headers()) {
            String name = header.getKey();
            if (!ForwardedHeaders.forwardResponseHeader(name, connectionTokens) || name.equalsIgnoreCase(RequestIds.HEADER)) {
                continue;
            }
            String value = header.getValue();
            if (name.equalsIgnoreCase("Location") && value.startsWith(serviceBase)) {
                // A service builds absolute links from its own address; the client must see the gateway's.
                value = ctx.request().scheme() + "://" + ctx.request().host() + value.substring(serviceBase.length());
            }
            response.headers().add(name, value);
        }
        if (answer.getHeader("Content-Length") == null && "chunked".equalsIgnoreCase(answer.getHeader("Transfer-Encoding"))) {
            response.setChunked(true);
        }
        answer.pipeTo(response).onFailure(t -> LOG.debugf("relay from %s ended early: %s", target.serviceName(), t.getMessage()));
    }

    private void onServiceFailure(RoutingContext ctx, Downstream target, CircuitBreaker breaker, Throwable cause, String requestId) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        breaker.recordFailure(System.nanoTime());
        LOG.warnf("%s failed to answer: %s", target.serviceName(), cause.getMessage());
        if (cause instanceof TimeoutException) {
            problems.send(ctx, ProblemResponses.serviceTimeout(target), requestId);
        } else {
            problems.send(ctx, ProblemResponses.serviceUnavailable(target), requestId);
        }
    }

    private void refuseOversized(RoutingContext ctx, long maxBody, String requestId) {
        // The rest of an oversized body is not read: close the connection once the problem is written.
        HttpServerRequest in = ctx.request();
        if (in.version() != HttpVersion.HTTP_2) {
            ctx.response().putHeader("Connection", "close");
            ctx.response().endHandler(v -> in.connection().close());
        }
        problems.send(ctx, ProblemResponses.payloadTooLarge(maxBody), requestId);
    }

    private static boolean exceeds(String declaredLength, long max) {
        try {
            return Long.parseLong(declaredLength.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Set<String> connectionTokens(MultiMap headers) {
        String connection = headers.get("Connection");
        if (connection == null) {
            return Set.of();
        }
        return Arrays.stream(connection.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
