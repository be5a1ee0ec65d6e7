package com.kingstonexpress.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.metrics.KxMetrics;
import com.kingstonexpress.platform.web.RequestIds;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * The one way services consume events: parse the CloudEvent, skip it if this consumer already applied
 * it, otherwise apply it and record its id in one transaction. Call it from a {@code @Blocking}
 * {@code @Incoming} method whose channel uses {@code failure-strategy=dead-letter-queue}: the record is
 * acknowledged only after the transaction committed.
 *
 * <p>Two kinds of failure are told apart. A failure of the infrastructure (PostgreSQL or Kafka briefly away,
 * a pool timeout, a lock or serialization conflict: {@link TransientFailures}) is retried with backoff,
 * for as long as it lasts, while the partition waits; the record is never dead-lettered for it. A failure
 * of the event itself (unparseable, invalid, breaking an invariant: {@link PoisonEventException}, or any
 * other error) sends it to the dead-letter topic with the consumer and the reason, so it never stalls the
 * partition.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** Binary-mode CloudEvents carry their attributes as {@code ce_*} headers and the data as the value. */
    private static final String BINARY_PREFIX = "ce_";

    @Inject
    ObjectMapper json;
    @Inject
    Inbox inbox;
    @Inject
    MeterRegistry registry;
    @Inject
    Tracer tracer;

    private final AtomicLong transientRetries = new AtomicLong();
    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent ignored) {
        stopping = true;
    }

    /**
     * Handles a record whose value is a structured-mode CloudEvent (the platform's own outbox writes these).
     *
     * @param consumer a stable name for this consumer (e.g. {@code order-service.fulfillment-status});
     *                 deduplication is per consumer
     * @param record   the Kafka record value
     * @param apply    the effect; runs inside the transaction
     * @return true if applied, false if it was a duplicate
     */
    public boolean handle(String consumer, String record, Consumer<EventEnvelope> apply) {
        EventEnvelope event;
        try {
            event = parse(consumer, record);
        } catch (PoisonEventException e) {
            throw deadLettered(consumer, e);
        }
        return handle(consumer, event, apply);
    }

    /** Handles a record in either CloudEvents mode: structured (the value) or binary ({@code ce_*} headers). */
    public boolean handle(String consumer, ConsumerRecord<String, String> record, Consumer<EventEnvelope> apply) {
        EventEnvelope event;
        try {
            event = header(record.headers(), BINARY_PREFIX + "specversion") != null
                    ? parseBinary(consumer, record)
                    : parse(consumer, record.value());
        } catch (PoisonEventException e) {
            throw deadLettered(consumer, e);
        }
        return handle(consumer, event, apply);
    }

    private boolean handle(String consumer, EventEnvelope event, Consumer<EventEnvelope> apply) {
        String previousRequestId = RequestIds.current();
        String previousTraceparent = RequestIds.currentTraceparent();
        RequestIds.set(event.requestid());
        RequestIds.setTraceparent(event.traceparent());
        Span span = consumerSpan(consumer, event);
        try (Scope ignored = span.makeCurrent()) {
            Duration backoff = FIRST_BACKOFF;
            for (int attempt = 1;; attempt++) {
                try {
                    return QuarkusTransaction.requiringNew().call(() -> {
                        if (!inbox.firstDelivery(consumer, event.id())) {
                            LOG.debugf("%s: event %s already applied, skipping", consumer, event.id());
                            return false;
                        }
                        apply.accept(event);
                        return true;
                    });
                } catch (RuntimeException e) {
                    if (e instanceof PoisonEventException || !TransientFailures.isTransient(e)) {
                        throw deadLettered(consumer, rejected(consumer, event, e));
                    }
                    transientRetries.incrementAndGet();
                    logRetry(consumer, event, attempt, backoff, e);
                    waitBeforeRetry(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
            RequestIds.set(previousRequestId);
            RequestIds.setTraceparent(previousTraceparent);
        }
    }

    /** Counts a record the connector will now send to the dead-letter topic ({@code kx_events_dead_lettered_total{consumer}}). */
    private RuntimeException deadLettered(String consumer, RuntimeException e) {
        registry.counter(KxMetrics.EVENTS_DEAD_LETTERED, "consumer", consumer).increment();
        return e;
    }

    /**
     * The span of one consumer applying one event: a child of the span that appended the event to its outbox (its
     * CloudEvents {@code traceparent}), so a trace runs from the request through every consumer it reaches.
     */
    private Span consumerSpan(String consumer, EventEnvelope event) {
        Context parent = event.traceparent() == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), event.traceparent(), TRACEPARENT_ONLY);
        return tracer.spanBuilder(consumer + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("cloudevents.event_id", event.id())
                .setAttribute("cloudevents.event_type", event.type())
                .setAttribute("cloudevents.event_source", event.source())
                .startSpan();
    }

    /** Reads a carrier that is the {@code traceparent} value itself. */
    private static final TextMapGetter<String> TRACEPARENT_ONLY = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(RequestIds.TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return RequestIds.TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    /** How many times, since start, an event was retried because the infrastructure failed under it. */
    public long transientRetries() {
        return transientRetries.get();
    }

    private static void logRetry(String consumer, EventEnvelope event, int attempt, Duration backoff, RuntimeException e) {
        String cause = rootMessage(e);
        // Conflicts are routine under concurrency; an outage is worth a warning, but not one per attempt.
        if (attempt <= 3) {
            LOG.debugf("%s: event %s attempt %d failed transiently (%s), retrying in %d ms", consumer, event.id(), attempt, cause,
                    backoff.toMillis());
        } else if (attempt == 4 || attempt % 20 == 0) {
            LOG.warnf("%s: event %s still waiting for the infrastructure after %d attempts (%s); the partition waits",
                    consumer, event.id(), attempt, cause);
        }
    }

    /**
     * Waits out the backoff. While the application stops, the record is neither retried nor given up: it stays
     * unacknowledged (the JVM exits around it) and is redelivered to the next consumer of its partition.
     */
    private void waitBeforeRetry(Duration backoff) {
        LockSupport.parkNanos(backoff.toNanos());
        while (stopping) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("consumer stopped while the infrastructure was unavailable; the record will be redelivered");
            }
        }
    }

    private EventEnvelope parse(String consumer, String record) {
        if (record == null) {
            throw new PoisonEventException(consumer + ": empty record");
        }
        try {
            EventEnvelope event = json.readValue(record, EventEnvelope.class);
            event.requireWellFormed();
            return event;
        } catch (JsonProcessingException e) {
            throw new PoisonEventException(consumer + ": not a CloudEvents JSON record (" + e.getOriginalMessage() + ")");
        } catch (PoisonEventException e) {
            throw new PoisonEventException(consumer + ": " + e.getMessage());
        }
    }

    private EventEnvelope parseBinary(String consumer, ConsumerRecord<String, String> record) {
        Headers h = record.headers();
        try {
            JsonNode data = record.value() == null ? null : json.readTree(record.value());
            String time = header(h, BINARY_PREFIX + "time");
            String sequence = header(h, BINARY_PREFIX + "sequence");
            EventEnvelope event = new EventEnvelope(header(h, BINARY_PREFIX + "specversion"), header(h, BINARY_PREFIX + "id"),
                    header(h, BINARY_PREFIX + "source"), header(h, BINARY_PREFIX + "type"), header(h, BINARY_PREFIX + "subject"),
                    time == null ? null : OffsetDateTime.parse(time), EventEnvelope.JSON,
                    sequence == null ? null : Long.valueOf(sequence), header(h, BINARY_PREFIX + "requestid"),
                    header(h, BINARY_PREFIX + "traceparent"), data);
            event.requireWellFormed();
            return event;
        } catch (JsonProcessingException e) {
            throw new PoisonEventException(consumer + ": binary CloudEvent data is not JSON (" + e.getOriginalMessage() + ")");
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new PoisonEventException(consumer + ": binary CloudEvent attribute unreadable (" + e.getMessage() + ")");
        } catch (PoisonEventException e) {
            throw new PoisonEventException(consumer + ": " + e.getMessage());
        }
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static RuntimeException rejected(String consumer, EventEnvelope event, RuntimeException e) {
        if (e instanceof PoisonEventException) {
            LOG.warnf("%s: event %s (%s) rejected: %s", consumer, event.id(), event.type(), e.getMessage());
            // The dead-letter reason names the consumer, so an operator knows whose rule refused it.
            return new PoisonEventException(consumer + ": " + e.getMessage(), e);
        }
        LOG.errorf(e, "%s: event %s (%s) failed", consumer, event.id(), event.type());
        return new PoisonEventException(consumer + ": event " + event.id() + " failed: " + e.getClass().getSimpleName(), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
