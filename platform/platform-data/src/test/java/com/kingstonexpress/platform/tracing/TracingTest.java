package com.kingstonexpress.platform.tracing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.web.RequestIds;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * One trace from a request through the outbox and Kafka into a consumer: the request's server span, its JDBC
 * statements, then the consumer's span (a child of the span that appended the event, through the CloudEvents
 * {@code traceparent}) and the consumer's own statements. Every span carries the request id.
 */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
class TracingTest {

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // As if OTEL_EXPORTER_OTLP_ENDPOINT were set, but spans go to memory instead of a collector.
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.exporter.otlp.enabled", "false",
                    "quarkus.otel.bsp.schedule.delay", "50ms");
        }
    }

    /** The exporter the SDK finds as a CDI bean (Quarkus's default {@code cdi} exporter setting). */
    @ApplicationScoped
    static class Exporter {
        @Produces
        @Singleton
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey(RequestIds.REQUEST_ID_ATTRIBUTE);

    @Inject
    InMemorySpanExporter exporter;

    @Test
    void aRequestItsStatementsAndTheConsumerOfItsEventShareOneTrace() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpanId = traceId.substring(0, 16);
        String requestId = "trace-test-" + UUID.randomUUID();

        given().header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .header(RequestIds.HEADER, requestId)
                .post("/probe/probe-events/trace-" + UUID.randomUUID())
                .then().statusCode(200);

        SpanData consumer = await().atMost(Duration.ofSeconds(60)).until(
                () -> find(traceId, s -> s.getKind() == SpanKind.CONSUMER), Optional::isPresent).get();
        SpanData server = find(traceId, s -> s.getKind() == SpanKind.SERVER).orElseThrow();

        assertEquals(callerSpanId, server.getParentSpanId(), "the request continues the caller's trace");
        assertEquals(server.getSpanId(), consumer.getParentSpanId(), "the consumer continues the request's span");
        assertEquals("platform-test.probe process", consumer.getName());
        assertEquals(requestId, server.getAttributes().get(REQUEST_ID));
        assertEquals(requestId, consumer.getAttributes().get(REQUEST_ID));

        List<SpanData> statements = await().atMost(Duration.ofSeconds(30)).until(
                () -> spans(traceId).stream().filter(s -> s.getKind() == SpanKind.CLIENT).toList(),
                found -> found.stream().anyMatch(s -> s.getParentSpanId().equals(consumer.getSpanId())));
        assertTrue(statements.stream().anyMatch(s -> s.getParentSpanId().equals(server.getSpanId())),
                "the request's statements (the outbox insert) are spans of its trace");
        assertFalse(statements.stream().anyMatch(s -> s.getAttributes().get(REQUEST_ID) == null),
                "every statement span names the request: " + statements);
    }

    private List<SpanData> spans(String traceId) {
        return exporter.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private Optional<SpanData> find(String traceId, java.util.function.Predicate<SpanData> which) {
        return spans(traceId).stream().filter(which).findFirst();
    }
}
