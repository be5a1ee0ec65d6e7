package com.kingstonexpress.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.kingstonexpress.platform.metrics.KxMetrics;
import com.kingstonexpress.platform.persistence.SqlGauges;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The outbox as operators watch it: unsent rows and the age of the oldest (gauges over {@code kx_outbox}, one query
 * over the unsent rows' partial index, cached by {@link SqlGauges}), rows published and failed sends (counters the
 * relay increments once per batch).
 */
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    SqlGauges gauges;
    @Inject
    MeterRegistry registry;

    private Counter published;
    private Counter failures;

    void register(@Observes StartupEvent ignored) {
        published = registry.counter(KxMetrics.OUTBOX_PUBLISHED);
        failures = registry.counter(KxMetrics.OUTBOX_PUBLISH_FAILURES);
        SqlGauges.CachedRow backlog = gauges.row("""
                SELECT count(*), GREATEST(COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0), 0)
                FROM kx_outbox WHERE sent_at IS NULL""");
        Gauge.builder(KxMetrics.OUTBOX_UNSENT, backlog, row -> row.column(1))
                .description("Outbox rows not yet published to Kafka").strongReference(true).register(registry);
        Gauge.builder(KxMetrics.OUTBOX_OLDEST_UNSENT_AGE, backlog, row -> row.column(2)).baseUnit("seconds")
                .description("How long the oldest unpublished outbox row has waited").strongReference(true).register(registry);
    }

    void published(int rows) {
        if (published != null && rows > 0) {
            published.increment(rows);
        }
    }

    void publishFailed() {
        if (failures != null) {
            failures.increment();
        }
    }
}
