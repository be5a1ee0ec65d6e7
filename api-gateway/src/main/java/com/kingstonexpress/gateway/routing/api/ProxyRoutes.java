package com.kingstonexpress.gateway.routing.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import com.kingstonexpress.gateway.edge.api.EdgeMetrics;
import com.kingstonexpress.gateway.edge.api.ProblemResponses;
import com.kingstonexpress.gateway.edge.api.RateLimiter;
import com.kingstonexpress.gateway.edge.api.RequestIdRoute;
import com.kingstonexpress.gateway.edge.policy.InFlightCounter;
import com.kingstonexpress.gateway.edge.policy.TokenBucket;
import com.kingstonexpress.gateway.routing.policy.BodyPace;
import com.kingstonexpress.gateway.routing.policy.CircuitBreaker;
import com.kingstonexpress.gateway.routing.policy.Downstream;
import com.kingstonexpress.gateway.routing.policy.ForwardedHeaders;
import com.kingstonexpress.gateway.routing.policy.Lane;
import com.kingstonexpress.gateway.routing.policy.Locations;
import com.kingstonexpress.gateway.routing.policy.RouteTable;
import com.kingstonexpress.platform.problem.Problem;
import com.kingstonexpress.platform.security.WebhookSignature;
import com.kingstonexpress.platform.web.RequestIds;

import io.opentelemetry.api.trace.Span;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The reverse proxy: every public path of the services (RouteTable) passes the edge (framing, size, the
 * client address's concurrency, identity, role, rate, the principal's concurrency; for unauthenticated webhooks
 * the address's share of the webhook class, then the class's), then its body is read
 * at the edge, within a deadline and at a minimum pace, and only then is a connection to the service
 * taken and the request sent whole, with an explicit {@code Content-Length}. A client that is slow to
 * send therefore holds no connection to a service, and its slowness is never counted against the
 * service. The answer is streamed back. A service that cannot be reached answers 503 (504 when too slow)
 * naming it, never a hang.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    private static final int PROXY_ROUTE_ORDER = -3;
    private static final long PACE_CHECK_MILLIS = 200;
    /** Headers a client's {@code Connection} may not nominate as hop-by-hop: the framing and the identity. */
    /** Methods a client expects to change nothing: sending one twice is harmless (RFC 9110, 9.2.1). */
    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Set<String> NEVER_CONNECTION_TOKENS = Set.of("content-length", "transfer-encoding", "host",
            "authorization", "x-kx-signature");
    static final String WEBHOOK_CLASS = "class:webhook";
    /** Prefix of an address's count within the webhook class (the principal is "webhook-address:<address>"). */
    static final String WEBHOOK_ADDRESS = "class:webhook/";

    @Inject
    Downstreams downstreams;
    @Inject
    EdgeGuard edge;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    ProblemResponses problems;
    @Inject
    EdgeMetrics metrics;
    @Inject
    GatewayConfig config;
    @Inject
    Vertx vertx;

    private final InFlightCounter inFlight = new InFlightCounter();

    void register(@Observes Router router) {
        // Before Quarkus's own body-size route (order -2; after the CORS filter), so that every oversized
        // body sent to a service is refused by the gateway, as problem+json, however large.
        router.routeWithRegex(RouteTable.PROXIED_PATHS).order(PROXY_ROUTE_ORDER).handler(this::handle);
    }

    /** One exchange's clean-up: what to undo when it ends, however it ends (answered, refused, client gone). */
    private static final class Exchange {
        private static final long LINGER_MILLIS = 2_000;
        final RoutingContext ctx;
        final String requestId;
        final Downstream target;
        final long arrivedNanos = System.nanoTime();
        private final List<Runnable> onFinish = new ArrayList<>();
        private Runnable onClientGone = () -> { };
        private boolean finished;
        private boolean closeWhenAnswered;

        Exchange(RoutingContext ctx, String requestId, Downstream target) {
            this.ctx = ctx;
            this.requestId = requestId;
            this.target = target;
            ctx.response().endHandler(v -> answered());
            ctx.response().closeHandler(v -> clientGone());
        }

        void onFinish(Runnable action) {
            if (finished) {
                action.run();
            } else {
                onFinish.add(action);
            }
        }

        void onClientGone(Runnable action) {
            onClientGone = action;
        }

        /** The client's body is not forwarded: once the answer is written, the rest is dropped and the connection goes. */
        void closeWhenAnswered() {
            closeWhenAnswered = true;
            if (ctx.request().version() != HttpVersion.HTTP_2) {
                ctx.response().putHeader("Connection", "close");
            }
        }

        private void answered() {
            if (closeWhenAnswered && ctx.request().version() != HttpVersion.HTTP_2) {
                lingerThenClose();
            }
            finish();
        }

        /**
         * Reads and discards what the client is still sending, then closes (a lingering close, as nginx does): closing
         * at once resets a connection whose client is still writing, and its TCP stack may then drop the answer unread.
         * Bounded by {@link #LINGER_MILLIS}: a client that keeps sending is cut off then.
         */
        private void lingerThenClose() {
            HttpServerRequest in = ctx.request();
            HttpConnection connection = in.connection();
            if (in.isEnded()) {
                connection.close();
                return;
            }
            long timer = ctx.vertx().setTimer(LINGER_MILLIS, id -> connection.close());
            in.exceptionHandler(e -> connection.close());
            in.endHandler(v -> {
                ctx.vertx().cancelTimer(timer);
                connection.close();
            });
            in.handler(discarded -> { });
            in.resume();
        }

        private void clientGone() {
            // A connection closed after the answer was complete (Connection: close) leaves the service's
            // exchange alone: resetting it would close a pooled connection another request may now hold.
            if (!ctx.response().ended()) {
                onClientGone.run();
            }
            finish();
        }

        private void finish() {
            if (finished) {
                return;
            }
            finished = true;
            onFinish.forEach(Runnable::run);
            onFinish.clear();
        }
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        in.pause();
        String requestId = RequestIdRoute.of(ctx);
        RequestIds.set(requestId);
        String path = ctx.normalizedPath();
        Downstream target = RouteTable.serviceFor(path).orElseThrow();
        Exchange exchange = new Exchange(ctx, requestId, target);

        String transferEncoding = in.getHeader("Transfer-Encoding");
        if (transferEncoding != null && !transferEncoding.trim().equalsIgnoreCase("chunked")) {
            refuseUnread(exchange, ProblemResponses.unsupportedFraming(
                    "Transfer-Encoding other than \"chunked\" is not accepted; send the body plain or chunked."));
            return;
        }
        long maxBody = config.maxBodyBytes();
        String declaredLength = in.getHeader("Content-Length");
        if (declaredLength != null && exceeds(declaredLength, maxBody)) {
            refuseUnread(exchange, ProblemResponses.payloadTooLarge(maxBody));
            return;
        }
        String address = clientAddress(in);
        String addressKey = "address:" + address;
        if (!inFlight.tryAcquire(addressKey, config.limits().maxInFlightPerAddress())) {
            ctx.response().putHeader("Retry-After", "1");
            refuseUnread(exchange, ProblemResponses.tooManyInFlight("client address"));
            return;
        }
        exchange.onFinish(() -> inFlight.release(addressKey));

        String method = in.method().name();
        String authorization = in.getHeader("Authorization");
        String signature = in.getHeader(WebhookSignature.HEADER);
        // Token verification may block (a key set fetched over HTTP in production): off the event loop.
        vertx.executeBlocking(() -> edge.check(method, path, authorization, signature, address), false).onComplete(checked -> {
            if (checked.failed()) {
                LOG.error("edge check failed", checked.cause());
                refuseUnread(exchange, ProblemResponses.internal());
            } else {
                admitted(exchange, target, path, checked.result());
            }
        });
    }

    private void admitted(Exchange exchange, Downstream target, String path, EdgeGuard.Verdict verdict) {
        RoutingContext ctx = exchange.ctx;
        if (verdict.refusal() != null) {
            refuseUnread(exchange, verdict.refusal());
            return;
        }
        TokenBucket.Decision rate = verdict.webhook()
                ? rateLimiter.take(verdict.principal(), config.webhooks().requestsPerSecondPerAddress(), config.webhooks().burstPerAddress())
                : rateLimiter.take(verdict.principal());
        if (!rate.allowed()) {
            ctx.response().putHeader("Retry-After", Long.toString(rate.retryAfterSeconds()));
            refuseUnread(exchange, ProblemResponses.tooManyRequests(rate.retryAfterSeconds()));
            return;
        }
        if (verdict.webhook()) {
            // Before the class's slot: one address (nobody is identified yet) may hold only a few of the class's
            // slots, so slow uploads from one place cannot keep the real centers and carriers out.
            String addressKey = WEBHOOK_ADDRESS + verdict.principal();
            if (!inFlight.tryAcquire(addressKey, config.webhooks().maxInFlightPerAddress())) {
                ctx.response().putHeader("Retry-After", "1");
                refuseUnread(exchange, ProblemResponses.tooManyInFlight("client address"));
                return;
            }
            exchange.onFinish(() -> inFlight.release(addressKey));
        }
        String capKey = verdict.webhook() ? WEBHOOK_CLASS : verdict.principal();
        int cap = verdict.webhook() ? config.webhooks().maxInFlight() : config.limits().maxInFlightPerPrincipal();
        if (!inFlight.tryAcquire(capKey, cap)) {
            ctx.response().putHeader("Retry-After", "1");
            // The webhook class as a whole is full: the gateway is busy, not this sender at fault.
            refuseUnread(exchange, verdict.webhook() ? ProblemResponses.busy(target) : ProblemResponses.tooManyInFlight("caller"));
            return;
        }
        exchange.onFinish(() -> inFlight.release(capKey));
        Lane lane = verdict.webhook() ? Lane.WEBHOOK : Lane.PROXY;
        CircuitBreaker breaker = downstreams.breaker(lane, target);
        if (breaker.isOpen(System.nanoTime())) {
            refuseBreakerOpen(exchange, target, breaker);
            return;
        }
        if ("100-continue".equalsIgnoreCase(ctx.request().getHeader("Expect"))) {
            // The client waits for this before sending its body; the edge has let it pass, so let it come.
            ctx.response().writeContinue();
        }
        readBody(exchange, body -> forward(exchange, target, lane, path, body, true));
    }

    /**
     * Reads the whole body (at most {@code kx.gateway.max-body-bytes}) before anything is sent on: within
     * the body deadline and at the minimum pace, or the client gets 408 and its connection is closed.
     */
    private void readBody(Exchange exchange, java.util.function.Consumer<Buffer> whenComplete) {
        HttpServerRequest in = exchange.ctx.request();
        long maxBody = config.maxBodyBytes();
        BodyPace pace = new BodyPace(config.limits().bodyDeadline(), config.limits().bodyGrace(),
                config.limits().bodyMinBytesPerSecond());
        Buffer body = Buffer.buffer();
        long timer = vertx.setPeriodic(PACE_CHECK_MILLIS, id -> {
            if (pace.judge(System.nanoTime() - exchange.arrivedNanos, body.length()) != BodyPace.Verdict.ON_TIME) {
                vertx.cancelTimer(id);
                stopReading(in);
                refuseUnread(exchange, ProblemResponses.bodyTooSlow());
            }
        });
        exchange.onFinish(() -> vertx.cancelTimer(timer));
        in.handler(chunk -> {
            if ((long) body.length() + chunk.length() > maxBody) {
                vertx.cancelTimer(timer);
                stopReading(in);
                refuseUnread(exchange, ProblemResponses.payloadTooLarge(maxBody));
                return;
            }
            body.appendBuffer(chunk);
        });
        in.endHandler(v -> {
            vertx.cancelTimer(timer);
            whenComplete.accept(body);
        });
        in.exceptionHandler(t -> vertx.cancelTimer(timer));
        in.resume();
    }

    private static void stopReading(HttpServerRequest in) {
        in.handler(null);
        in.endHandler(null);
        in.pause();
    }

    /**
     * Sends the request to an instance of {@code target} and relays its answer. {@code mayResend}: a safe request
     * (GET, HEAD, OPTIONS) whose kept-alive connection the instance closed before answering is sent once more.
     */
    private void forward(Exchange exchange, Downstream target, Lane lane, String path, Buffer body, boolean mayResend) {
        RoutingContext ctx = exchange.ctx;
        HttpServerRequest in = ctx.request();
        if (ctx.response().closed()) {
            return;
        }
        CircuitBreaker breaker = downstreams.breaker(lane, target);
        if (!breaker.allowRequest(System.nanoTime())) {
            refuseBreakerOpen(exchange, target, breaker);
            return;
        }
        // The normalized path goes on, so the service sees exactly the path the edge rules were checked on.
        String uri = in.query() == null ? path : path + "?" + in.query();
        downstreams.connect(lane, target, in.method(), uri, config.services().of(target).timeout()).onComplete(connected -> {
            if (connected.failed()) {
                Throwable cause = connected.cause();
                if (Downstreams.serviceFailedToConnect(cause)) {
                    breaker.recordFailure(System.nanoTime());
                    LOG.warnf("%s unreachable for %s %s: %s", target.serviceName(), in.method(), path, cause.getMessage());
                    sendProblem(ctx, target, ProblemResponses.serviceUnavailable(target), exchange.requestId);
                } else {
                    // No free connection in time: the gateway is busy; the service is not at fault.
                    breaker.recordNeither();
                    LOG.debugf("%s lane %s busy for %s %s: %s", target.serviceName(), lane, in.method(), path, cause.getMessage());
                    ctx.response().putHeader("Retry-After", "1");
                    sendProblem(ctx, target, ProblemResponses.busy(target), exchange.requestId);
                }
                return;
            }
            HttpClientRequest out = connected.result();
            if (ctx.response().closed()) {
                breaker.recordNeither();
                out.reset();
                return;
            }
            // A client that goes away takes its request to the service with it.
            exchange.onClientGone(out::reset);
            copyRequestHeaders(in, out, exchange.requestId, body.length());
            out.response().onComplete(answered -> {
                if (answered.failed() && mayResend && SAFE_METHODS.contains(in.method()) && Downstreams.connectionLost(answered.cause())
                        && !ctx.response().headWritten() && !ctx.response().closed()) {
                    // A pooled connection the instance closed (stopping, restarting) as the request went out: the
                    // classic keep-alive race. A safe request goes once more, to the next instance in turn or on a new
                    // connection; that attempt's outcome is the one the breaker counts.
                    breaker.recordNeither();
                    LOG.debugf("%s closed a kept-alive connection before answering %s %s; sending it once more", target.serviceName(),
                            in.method(), path);
                    forward(exchange, target, lane, path, body, false);
                } else if (answered.failed()) {
                    onServiceFailure(ctx, target, breaker, answered.cause(), exchange.requestId);
                } else {
                    breaker.recordSuccess();
                    relayResponse(ctx, target, answered.result());
                }
            });
            out.end(body);
        });
    }

    private void copyRequestHeaders(HttpServerRequest in, HttpClientRequest out, String requestId, int bodyLength) {
        Set<String> connectionTokens = connectionTokens(in.headers());
        connectionTokens.removeAll(NEVER_CONNECTION_TOKENS);
        MultiMap headers = out.headers();
        // With tracing on, the HTTP client adds the traceparent of its own span when it sends; the client's copy
        // would come first and make the service a sibling of the gateway rather than its child.
        boolean tracing = Span.current().getSpanContext().isValid();
        for (Map.Entry<String, String> header : in.headers()) {
            String name = header.getKey();
            if (ForwardedHeaders.forwardRequestHeader(name, connectionTokens)
                    && !(tracing && ForwardedHeaders.isTraceContext(name))
                    && !name.equalsIgnoreCase(RequestIds.HEADER) && !name.equalsIgnoreCase("Content-Length")) {
                headers.add(name, header.getValue());
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
        // The framing is the gateway's own, whatever the client's was (Content-Length, chunked, HTTP/2).
        if (bodyLength > 0 || in.getHeader("Content-Length") != null || in.getHeader("Transfer-Encoding") != null) {
            headers.set("Content-Length", Integer.toString(bodyLength));
        }
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
        List<String> serviceBases = downstreams.baseUrls(target);
        for (Map.Entry<String, String> header : answer.headers()) {
            String name = header.getKey();
            if (!ForwardedHeaders.forwardResponseHeader(name, connectionTokens) || name.equalsIgnoreCase(RequestIds.HEADER)
                    || name.equalsIgnoreCase(RequestIdRoute.CLIENT_HEADER)) {
                continue;
            }
            String value = header.getValue();
            if (name.equalsIgnoreCase("Location")) {
                // A service builds absolute links from its own address; the client must see the gateway's.
                for (String serviceBase : serviceBases) {
                    String rewritten = Locations.rewrite(value, serviceBase, config.publicUrl());
                    if (!rewritten.equals(value)) {
                        value = rewritten;
                        break;
                    }
                }
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
            // The client left first: its request was reset, which says nothing about the service.
            breaker.recordNeither();
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        breaker.recordFailure(System.nanoTime());
        LOG.warnf("%s failed to answer: %s", target.serviceName(), cause.getMessage());
        if (cause instanceof TimeoutException) {
            sendProblem(ctx, target, ProblemResponses.serviceTimeout(target), requestId);
        } else {
            sendProblem(ctx, target, ProblemResponses.serviceUnavailable(target), requestId);
        }
    }

    private void refuseBreakerOpen(Exchange exchange, Downstream target, CircuitBreaker breaker) {
        exchange.ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, breaker.secondsUntilTrial(System.nanoTime()))));
        refuseUnread(exchange, ProblemResponses.serviceUnavailable(target));
    }

    /**
     * Answers {@code problem} before (or instead of) reading the rest of the body. A body still on its way
     * is not forwarded: once the problem is written it is read and dropped for a moment, then the connection closes.
     */
    private void refuseUnread(Exchange exchange, Problem problem) {
        HttpServerRequest in = exchange.ctx.request();
        if (!in.isEnded() && mayHaveBody(in)) {
            exchange.closeWhenAnswered();
        }
        sendProblem(exchange.ctx, exchange.target, problem, exchange.requestId);
    }

    /** Answers a problem of the gateway's own for a request to {@code target}, and counts it. */
    private void sendProblem(RoutingContext ctx, Downstream target, Problem problem, String requestId) {
        metrics.refused(target, problem);
        problems.send(ctx, problem, requestId);
    }

    private static boolean mayHaveBody(HttpServerRequest in) {
        String length = in.getHeader("Content-Length");
        return in.getHeader("Transfer-Encoding") != null || (length != null && !length.trim().equals("0"));
    }

    private static String clientAddress(HttpServerRequest in) {
        return in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
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
            return new java.util.HashSet<>();
        }
        return Arrays.stream(connection.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
