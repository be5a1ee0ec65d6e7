package com.kingstonexpress.gateway;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.kingstonexpress.gateway.routing.policy.Downstream;
import com.kingstonexpress.platform.infra.FreePorts;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Four small in-process HTTP servers standing in for the services. Each records what it received and
 * answers with its name, a canned document for the dashboard's calls and its own OpenAPI document.
 * Tests can stop one (its port then refuses connections) and start it again on the same port.
 * notification-service runs as two instances (a second URL in its configuration), answering with their
 * {@code X-Stub-Instance}; {@link #stopReplica} stops the second.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    /** One request as a stub saw it. */
    public record Received(Downstream service, String method, String uri, MultiMap headers, String body) {
    }

    private static final Map<Downstream, Integer> PORTS = new EnumMap<>(Downstream.class);
    private static final Map<Downstream, HttpServer> SERVERS = new EnumMap<>(Downstream.class);
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, Integer> FAILING_PATHS = new java.util.concurrent.ConcurrentHashMap<>();
    private static int replicaPort;
    private static HttpServer replica;
    /** While true, the second instance closes each connection a request comes on, without answering. */
    private static volatile boolean replicaDropsConnections;
    private static Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        for (Downstream d : Downstream.values()) {
            PORTS.put(d, FreePorts.find());
            startService(d);
        }
        replicaPort = FreePorts.find();
        startReplica();
        return Map.of(
                "kx.gateway.services.order.url", url(Downstream.ORDER),
                "kx.gateway.services.fulfillment.url", url(Downstream.FULFILLMENT),
                "kx.gateway.services.messaging.url", url(Downstream.MESSAGING),
                "kx.gateway.services.support.url", url(Downstream.SUPPORT),
                "kx.gateway.services.notification.url", url(Downstream.NOTIFICATION) + ", http://127.0.0.1:" + replicaPort);
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    public static String url(Downstream d) {
        return "http://127.0.0.1:" + PORTS.get(d);
    }

    public static List<Received> received() {
        return RECEIVED;
    }

    /** The last request a stub received whose uri starts with {@code uriPrefix}. */
    public static Received lastTo(String uriPrefix) {
        for (int i = RECEIVED.size() - 1; i >= 0; i--) {
            if (RECEIVED.get(i).uri().startsWith(uriPrefix)) {
                return RECEIVED.get(i);
            }
        }
        throw new AssertionError("no stub received " + uriPrefix + "; received: " + RECEIVED.stream().map(Received::uri).toList());
    }

    /** A status for {@link #failPath} that makes the stub read the request and never answer it. */
    public static final int NEVER_ANSWER = 0;

    /** Makes the stubs answer {@code path} with {@code status} (a problem) until {@link #answerNormally}. */
    public static void failPath(String path, int status) {
        FAILING_PATHS.put(path, status);
    }

    public static void answerNormally(String path) {
        FAILING_PATHS.remove(path);
    }

    public static void stopService(Downstream d) {
        HttpServer server = SERVERS.remove(d);
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    public static void startService(Downstream d) {
        SERVERS.put(d, listen(d, PORTS.get(d), "first"));
    }

    /** Stops the second instance of notification-service (its port then refuses connections). */
    public static void stopReplica() {
        if (replica != null) {
            replica.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
            replica = null;
        }
    }

    public static void startReplica() {
        replica = listen(Downstream.NOTIFICATION, replicaPort, "second");
    }

    /**
     * Makes the second instance of notification-service close the connection of every request it receives (after
     * recording it), as an instance that stops does to a kept-alive connection; false answers again.
     */
    public static void replicaDropsConnections(boolean drop) {
        replicaDropsConnections = drop;
    }

    private static HttpServer listen(Downstream d, int port, String instance) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            RECEIVED.add(new Received(d, request.method().name(), request.uri(), MultiMap.caseInsensitiveMultiMap().addAll(request.headers()),
                    body.toString()));
            if (replicaDropsConnections && instance.equals("second")) {
                request.connection().close();
                return;
            }
            request.response().putHeader("X-Stub-Instance", instance);
            answer(d, request);
        }));
        return server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static void answer(Downstream d, HttpServerRequest request) {
        String path = request.path();
        Integer failure = FAILING_PATHS.get(path);
        if (failure != null && failure == NEVER_ANSWER) {
            return;
        }
        if (failure != null) {
            request.response().setStatusCode(failure).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", failure).encode());
            return;
        }
        JsonObject body;
        if (path.equals("/q/openapi")) {
            body = StubOpenApi.document(d);
        } else if (path.startsWith("/q/health")) {
            body = new JsonObject().put("status", "UP");
        } else {
            body = DashboardAnswers.answer(d, request);
        }
        if (body == null) {
            body = new JsonObject();
        }
        body.put("answeredBy", d.serviceName()).put("path", path);
        var response = request.response().putHeader("Content-Type", "application/json")
                .putHeader("X-Stub-Service", d.serviceName())
                .putHeader("Keep-Alive", "timeout=5");
        if (request.method().name().equals("POST") && path.equals("/api/v1/orders")) {
            response.setStatusCode(201).putHeader("Location", url(d) + "/api/v1/orders/order-1");
        }
        response.end(body.encode());
    }

    /** Canned answers for the dashboard's calls, shaped as docs/design/API.md says the services answer. */
    static final class DashboardAnswers {
        static JsonObject answer(Downstream d, HttpServerRequest request) {
            String path = request.path();
            if (!"GET".equals(request.method().name())) {
                return null;
            }
            return switch (path) {
                case "/api/v1/orders/summary" -> new JsonObject()
                        .put("byStatus", new JsonObject().put("NEW", 2).put("IN_TRANSIT", 1))
                        .put("attentionByFlag", new JsonObject().put("ADDRESS_ISSUE", 1));
                case "/api/v1/orders" -> {
                    String attention = request.getParam("attention");
                    if (attention != null) {
                        yield attention.equals("ADDRESS_ISSUE") ? items(new JsonObject().put("orderId", "order-attention-1")
                                .put("type", "SELLER_MANAGED")
                                .put("attention", new JsonArray().add(new JsonObject().put("flag", "ADDRESS_ISSUE")
                                        .put("advice", "Contact the customer to confirm the address before shipping."))))
                                : items();
                    }
                    yield "NEW".equals(request.getParam("status")) ? items(new JsonObject().put("orderId", "order-new-1").put("status", "NEW"))
                            : items();
                }
                case "/api/v1/conversations" -> items(new JsonObject().put("conversationId", "conv-1").put("orderId", "order-new-1"));
                case "/api/v1/messaging/response-times" -> new JsonObject().put("waitingMessages", 1);
                case "/api/v1/tickets" -> "OPEN,IN_PROGRESS,WAITING_ON_SELLER".equals(request.getParam("status"))
                        ? items(new JsonObject().put("ticketId", "ticket-1").put("status", "OPEN"))
                        : items();
                case "/api/v1/platform/incidents" -> items(new JsonObject().put("incidentId", "incident-1"));
                default -> null;
            };
        }

        private static JsonObject items(JsonObject... items) {
            JsonArray array = new JsonArray();
            for (JsonObject item : items) {
                array.add(item);
            }
            return new JsonObject().put("items", array).putNull("nextCursor");
        }
    }
}
