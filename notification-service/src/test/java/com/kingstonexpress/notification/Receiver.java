package com.kingstonexpress.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A seller's webhook endpoint, for real: a JDK HTTP server on a free loopback port that records every
 * request it gets. Each path ({@code /hooks/<name>}) answers as told: a status, optionally after a delay.
 */
public final class Receiver implements AutoCloseable {

    public record Request(String path, Map<String, List<String>> headers, String body, Instant receivedAt) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private record Behaviour(int status, Duration delay) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/hooks/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()));
            Behaviour b = behaviours.getOrDefault(path, new Behaviour(200, Duration.ZERO));
            if (!b.delay().isZero()) {
                // A slow endpoint: holds the connection (until the test ends at the latest).
                closed.await(b.delay().toMillis(), TimeUnit.MILLISECONDS);
            }
            byte[] answer = ("{\"answer\":" + b.status() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(b.status(), answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the sender gave up (timeout): nobody to answer
        }
    }

    public String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + name;
    }

    public void answer(String name, int status) {
        behaviours.put("/hooks/" + name, new Behaviour(status, Duration.ZERO));
    }

    public void answerSlowly(String name, Duration delay) {
        behaviours.put("/hooks/" + name, new Behaviour(200, delay));
    }

    public List<Request> requests(String name) {
        return requests.stream().filter(r -> r.path().equals("/hooks/" + name)).toList();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
