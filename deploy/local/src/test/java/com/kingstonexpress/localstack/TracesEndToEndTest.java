package com.kingstonexpress.localstack;

import static com.kingstonexpress.localstack.RunningStack.EVENTUALLY;
import static com.kingstonexpress.localstack.RunningStack.TRACES;
import static com.kingstonexpress.localstack.RunningStack.as;
import static com.kingstonexpress.localstack.RunningStack.newSeller;
import static com.kingstonexpress.localstack.RunningStack.orderBody;
import static com.kingstonexpress.localstack.RunningStack.storefront;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.localstack.TraceCollector.ReceivedSpan;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.restassured.response.Response;

/**
 * Tracing across the stack, exported over OTLP as to an operator's collector: one order placed through the
 * gateway is one trace, from the gateway through order-service and its statements, across Kafka (the outbox
 * row's CloudEvents {@code traceparent}) into every service that consumes the order, each span naming the
 * request id the caller was given.
 */
class TracesEndToEndTest {

    @Test
    void anOrderPlacedThroughTheGatewayIsOneTraceAcrossServicesAndKafka() {
        RunningStack.get();
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);
        TRACES.watch(traceId);

        Response placed = as(storefront()).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .body(orderBody(newSeller(), "SELLER_MANAGED", "STANDARD", "FR", "Ile-de-France"))
                .post("/api/v1/orders");
        assertEquals(201, placed.statusCode(), placed.asString());
        String requestId = placed.header("X-Request-Id");

        // fulfillment-service, messaging-service, support-service and notification-service all consume the order.
        Set<String> consumers = Set.of("fulfillment-service", "messaging-service", "support-service", "notification-service");
        // Each process exports its spans on its own schedule: wait for the gateway's and order-service's server spans
        // (their client spans end first, so they come no later) as well as every consumer's.
        List<ReceivedSpan> trace = await().atMost(EVENTUALLY).until(() -> TRACES.trace(traceId),
                spans -> spans.stream().filter(s -> s.kind() == SpanKind.SPAN_KIND_CONSUMER).map(ReceivedSpan::service)
                        .collect(Collectors.toSet()).containsAll(consumers)
                        && spans.stream().filter(s -> s.kind() == SpanKind.SPAN_KIND_SERVER).map(ReceivedSpan::service)
                        .collect(Collectors.toSet()).containsAll(Set.of("api-gateway", "order-service")));

        ReceivedSpan gateway = only(trace, "api-gateway", SpanKind.SPAN_KIND_SERVER);
        assertEquals(callerSpanId, gateway.parentSpanId(), "the gateway continues the caller's trace");
        ReceivedSpan orderService = only(trace, "order-service", SpanKind.SPAN_KIND_SERVER);
        Set<String> gatewaySpans = trace.stream().filter(s -> s.service().equals("api-gateway")).map(ReceivedSpan::spanId)
                .collect(Collectors.toSet());
        assertTrue(gatewaySpans.contains(orderService.parentSpanId()), "order-service's span is a child of the gateway's: " + trace);
        assertTrue(trace.stream().anyMatch(s -> s.service().equals("order-service") && s.kind() == SpanKind.SPAN_KIND_CLIENT
                && s.parentSpanId().equals(orderService.spanId())), "order-service's statements are spans of the trace: " + trace);
        for (String consumer : consumers) {
            List<ReceivedSpan> applied = trace.stream()
                    .filter(s -> s.service().equals(consumer) && s.kind() == SpanKind.SPAN_KIND_CONSUMER).toList();
            assertTrue(applied.stream().anyMatch(s -> s.parentSpanId().equals(orderService.spanId())),
                    consumer + " applies order.placed as a child of the request that placed it: " + applied);
        }
        List<ReceivedSpan> unnamed = trace.stream().filter(s -> !requestId.equals(s.attributes().get("kx.request_id"))).toList();
        assertFalse(trace.isEmpty());
        assertTrue(unnamed.isEmpty(), "every span names the request id " + requestId + ": " + unnamed);
    }

    private static ReceivedSpan only(List<ReceivedSpan> trace, String service, SpanKind kind) {
        List<ReceivedSpan> found = trace.stream().filter(s -> s.service().equals(service) && s.kind() == kind).toList();
        assertEquals(1, found.size(), service + " " + kind + " in " + trace);
        return found.get(0);
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
