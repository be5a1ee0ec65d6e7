package com.kingstonexpress.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.infra.Directories;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The whole stack, started once per test JVM exactly as {@code deploy/local/run} starts it (on free ports,
 * in a temporary data directory), and stopped when the JVM exits. Tests talk to the gateway only.
 */
final class RunningStack {

    static final Duration EVENTUALLY = Duration.ofSeconds(60);
    static final String CENTER = CenterSimulator.DEMO_CENTER;
    static final String CENTER_SECRET = CenterSimulator.DEMO_CENTER_SECRET;

    static final TraceCollector TRACES = new TraceCollector();
    private static LocalStack stack;
    private static RuntimeException failedToStart;

    private RunningStack() {
    }

    static synchronized LocalStack get() {
        if (failedToStart != null) {
            throw failedToStart; // one attempt per JVM: a second stack would only fail the same way
        }
        if (stack == null) {
            try {
                Path root = Path.of(System.getProperty("kx.root", "../..")).toAbsolutePath().normalize();
                Path data = Files.createTempDirectory("kx-e2e-stack");
                // Every service exports its spans to the test's collector, as it would to an operator's.
                System.setProperty("otel.exporter.otlp.endpoint", TRACES.endpoint());
                System.setProperty("otel.exporter.otlp.protocol", "http/protobuf");
                stack = new LocalStack(StackConfig.onFreePorts(root, data), System.out);
                // The stack's folder (databases, broker, logs: hundreds of MiB) goes with it.
                LocalStack started = stack;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    Directories.deleteRecursively(data);
                }, "kx-e2e-stack-stop"));
                stack.start();
            } catch (IOException e) {
                failedToStart = new UncheckedIOException(e);
                throw failedToStart;
            } catch (RuntimeException e) {
                failedToStart = e;
                throw e;
            }
            RestAssured.baseURI = stack.config().gatewayUrl();
            RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        }
        return stack;
    }

    static RequestSpecification as(String token) {
        get();
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static String seller(String sellerId) {
        return DevTokens.seller(sellerId);
    }

    static String storefront() {
        return DevTokens.storefront();
    }

    static String agent() {
        return DevTokens.supportAgent("agent-e2e");
    }

    /** A fresh seller id per test, so tests never see each other's orders. */
    static String newSeller() {
        return "seller-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Places an order through the gateway as the storefront and returns its id. */
    static String placeOrder(String sellerId, String type, String shippingMethod, String country) {
        return placeOrder(sellerId, type, shippingMethod, country, "Ile-de-France");
    }

    static String operations() {
        return DevTokens.operations("ops-e2e");
    }

    static String placeOrder(String sellerId, String type, String shippingMethod, String country, String region) {
        return as(storefront()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(orderBody(sellerId, type, shippingMethod, country, region))
                .post("/api/v1/orders").then().statusCode(201).extract().path("orderId");
    }

    /** What a storefront sends to place an order. */
    static Map<String, Object> orderBody(String sellerId, String type, String shippingMethod, String country, String region) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("sellerId", sellerId);
        body.put("customerId", "customer-of-" + sellerId);
        body.put("customerName", "Ada Customer");
        body.put("type", type);
        if (type.equals("KINGSTON_DISPATCHED")) {
            body.put("fulfillmentCenterId", CENTER);
        }
        body.put("lines", List.of(Map.of("sku", "KX-TEA-1", "title", "Kingston tea", "quantity", 2,
                "unitPrice", Map.of("amount", "4.50", "currency", "GBP"))));
        body.put("deliveryAddress", Map.of("name", "Ada Customer", "line1", "1 Main Street", "city", "Paris", "region", region,
                "postalCode", "75001", "country", country, "phone", "+33 1 23 45 67 89"));
        body.put("shippingMethod", shippingMethod);
        body.put("notes", "Ring twice");
        return body;
    }
}
