package com.kingstonexpress.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

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
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The one way services consume events: parse the CloudEvent, skip it if this consumer already applied
 * it, otherwise apply it and record its id in one transaction. Call it from a {@code @Blocking}
 * {@code @Incoming} method that takes the record ({@link #handle(String, KafkaRecord, Consumer)}) or the poll
 * ({@link #handleBatch}) and returns the acknowledgement this class answers; the channel uses
 * {@code failure-strategy=dead-letter-queue}. A record is acknowledged only after its transaction committed.
 *
 * <p>Two kinds of failure are told apart. A failure of the infrastructure (PostgreSQL or Kafka briefly away,
 * a pool timeout, a lock or serialization conflict: {@link TransientFailures}) is retried with backoff,
 * for as long as it lasts, while the partition waits; the record is never dead-lettered for it. A failure
 * of the event itself (unparseable, invalid, breaking an invariant: {@link PoisonEventException}, or any
 * other error) sends it to the dead-letter topic with the consumer and the reason, so it never stalls the
 * partition.
 *
 * <p>While the application stops, a failure is neither: the record is left unacknowledged, for the next consumer of its
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
    @Inject
    EntityManagerFactory persistenceUnit;

    private final AtomicLong transientRetries = new AtomicLong();
    private final AtomicLong leftForRedelivery = new AtomicLong();
    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent ignored) {
        stopping = true;
    }

    /**
     * Handles one record (a channel without {@code batch}), a CloudEvent in either mode: structured (the value) or
     * binary ({@code ce_*} headers).
     *
     * @param consumer a stable name for this consumer (e.g. {@code messaging-service.incidents}); deduplication is per
     *                 consumer
     * @param apply    the effect; runs inside the transaction
     * @return the record's acknowledgement: acknowledged once applied (or found already applied), refused to the
     *         dead-letter topic if the event is, never completed if the application stops first
     */
    public CompletionStage<Void> handle(String consumer, KafkaRecord<String, String> record, Consumer<EventEnvelope> apply) {
        EventEnvelope event;
        try {
            event = parse(consumer, record.getHeaders(), record.getPayload());
        } catch (PoisonEventException e) {
            return record.nack(deadLettered(consumer, e));
        }
        try {
            handle(consumer, event, apply);
            return record.ack();
        } catch (PoisonEventException refusal) {
            return record.nack(refusal);
        } catch (ConsumerStopping e) {
            return leftForRedelivery(consumer);
        }
    }

    /**
     * Handles one poll's records (a channel with {@code batch=true}) in one transaction: one commit for the batch
     * instead of one per event, each event still recorded in the inbox and applied in its own request and trace
     * context, in offset order. Call it from a {@code @Blocking} {@code @Incoming} method that takes the batch.
     *
     * <p>If an event of the batch is refused, the batch's transaction rolls back and each event is applied in its own
     * transaction, as {@link #handle(String, KafkaRecord, Consumer)} does, so only the refused ones are dead-lettered. The
     * batch is acknowledged (its offsets committed) only after the transaction committed and every refused record was
     * written to the dead-letter topic.
     *
     * @return the acknowledgement of the batch
     */
    public CompletionStage<Void> handleBatch(String consumer, KafkaRecordBatch<String, String> batch, Consumer<EventEnvelope> apply) {
        return handleBatch(consumer, batch, events -> {
        }, apply);
    }

    /**
     * {@link #handleBatch(String, KafkaRecordBatch, Consumer)}, with {@code prepare} run first in the batch's transaction
     * with all its events (applied before or not), e.g. to load what they name in one query. If it fails, the events
     * are applied one transaction each, without it.
     */
    public CompletionStage<Void> handleBatch(String consumer, KafkaRecordBatch<String, String> batch, Consumer<List<EventEnvelope>> prepare,
            Consumer<EventEnvelope> apply) {
        Map<KafkaRecord<String, String>, RuntimeException> refused = new LinkedHashMap<>();
        Map<KafkaRecord<String, String>, EventEnvelope> events = new LinkedHashMap<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                events.put(record, parse(consumer, record.getHeaders(), record.getPayload()));
            } catch (PoisonEventException e) {
                refused.put(record, deadLettered(consumer, e));
            }
        }
        try {
            retryingTransiently(consumer, events.size() + " events", () -> {
                prepare.accept(List.copyOf(events.values()));
                // The poll's inbox rows in one statement; an event twice in the poll is applied at its first place.
                Set<String> first = inbox.firstDeliveries(consumer, events.values().stream().map(EventEnvelope::id).toList());
                events.values().forEach(event -> applyOnce(consumer, event, apply, () -> first.remove(event.id())));
                return null;
            });
        } catch (ConsumerStopping e) {
            return leftForRedelivery(consumer);
        } catch (RuntimeException e) {
            if (stopping()) {
                return leftForRedelivery(consumer);
            }
            LOG.debugf("%s: a batch of %d events failed (%s); applying them one by one", consumer, events.size(), rootMessage(e));
            for (Map.Entry<KafkaRecord<String, String>, EventEnvelope> each : events.entrySet()) {
                try {
                    handle(consumer, each.getValue(), apply);
                } catch (PoisonEventException refusal) {
                    refused.put(each.getKey(), refusal);
                } catch (ConsumerStopping stopping) {
                    return leftForRedelivery(consumer);
                }
            }
        }
        // The connector's dead-letter handler writes each refused record to the dead-letter topic; the batch's offsets
        // are committed only after that, so a crash in between redelivers rather than loses them.
        refused.forEach((record, e) -> record.nack(e).toCompletableFuture().join());
        return batch.ack();
    }

    /**
     * The application stops while the records fail: neither acknowledged nor refused (a refusal would dead-letter records
     * that failed only because the service was going away), so the next consumer of their partitions receives them again.
     * The channel waits on the acknowledgement, so it takes nothing more.
     */
    private CompletionStage<Void> leftForRedelivery(String consumer) {
        leftForRedelivery.incrementAndGet();
        LOG.infof("%s: the application stops; the records in hand are left for redelivery", consumer);
        return new CompletableFuture<>();
    }

    /**
     * The application stops: its {@link ShutdownEvent} was observed, or its persistence unit is closed already. A start
     * that fails (a port taken, say) stops without a {@code ShutdownEvent}, closing the persistence unit while the
     * consumers still run; every event would then fail with "EntityManagerFactory is closed".
     */
    private boolean stopping() {
        return stopping || !persistenceUnit.isOpen();
    }

    private boolean handle(String consumer, EventEnvelope event, Consumer<EventEnvelope> apply) {
        try {
            return retryingTransiently(consumer, "event " + event.id(),
                    () -> applyOnce(consumer, event, apply, () -> inbox.firstDelivery(consumer, event.id())));
        } catch (ConsumerStopping e) {
            throw e;
        } catch (RuntimeException e) {
            if (stopping()) {
                throw new ConsumerStopping();
            }
            throw deadLettered(consumer, rejected(consumer, event, e));
        }
    }

    /**
     * Runs {@code work} in a new transaction, again with backoff while it fails transiently ({@link TransientFailures}),
     * for as long as that lasts; any other failure is thrown as it is.
     */
    private <T> T retryingTransiently(String consumer, String what, Callable<T> work) {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work);
            } catch (RuntimeException e) {
                if (e instanceof PoisonEventException || !TransientFailures.isTransient(e)) {
                    throw e;
                }
                transientRetries.incrementAndGet();
                logRetry(consumer, what, attempt, backoff, e);
                waitBeforeRetry(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Inside the caller's transaction: applies the event if {@code firstDelivery} (its inbox row, recorded in this
     * transaction) says this consumer did not apply it before, in the event's request id and as a child span of the one
     * that appended it.
     */
    private boolean applyOnce(String consumer, EventEnvelope event, Consumer<EventEnvelope> apply, BooleanSupplier firstDelivery) {
        String previousRequestId = RequestIds.current();
        String previousTraceparent = RequestIds.currentTraceparent();
        RequestIds.set(event.requestid());
        RequestIds.setTraceparent(event.traceparent());
        Span span = consumerSpan(consumer, event);
        try (Scope ignored = span.makeCurrent()) {
            if (!firstDelivery.getAsBoolean()) {
                LOG.debugf("%s: event %s already applied, skipping", consumer, event.id());
                return false;
            }
            apply.accept(event);
            return true;
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

    /** How many times, since start, a record or a poll was left unacknowledged because the application was stopping. */
    public long leftForRedelivery() {
        return leftForRedelivery.get();
    }

    private static void logRetry(String consumer, String what, int attempt, Duration backoff, RuntimeException e) {
        String cause = rootMessage(e);
        // Conflicts are routine under concurrency; an outage is worth a warning, but not one per attempt.
        if (attempt <= 3) {
            LOG.debugf("%s: %s, attempt %d failed transiently (%s), retrying in %d ms", consumer, what, attempt, cause,
                    backoff.toMillis());
        } else if (attempt == 4 || attempt % 20 == 0) {
            LOG.warnf("%s: %s still waiting for the infrastructure after %d attempts (%s); the partition waits",
                    consumer, what, attempt, cause);
        }
    }

    /** Waits out the backoff; once the application stops, the record is neither retried nor given up, but left. */
    private void waitBeforeRetry(Duration backoff) {
        LockSupport.parkNanos(backoff.toNanos());
        if (stopping()) {
            throw new ConsumerStopping();
        }
    }

    /** The application stops while an event fails: the record is left for redelivery, not refused. */
    private static final class ConsumerStopping extends IllegalStateException {
        ConsumerStopping() {
            super("the consumer stops; the record will be redelivered");
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

    /** A record in either CloudEvents mode: binary if it has a {@code ce_specversion} header, else structured. */
    private EventEnvelope parse(String consumer, Headers headers, String value) {
        return header(headers, BINARY_PREFIX + "specversion") != null ? parseBinary(consumer, headers, value) : parse(consumer, value);
    }

    private EventEnvelope parseBinary(String consumer, Headers h, String value) {
        try {
            JsonNode data = value == null ? null : json.readTree(value);
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
