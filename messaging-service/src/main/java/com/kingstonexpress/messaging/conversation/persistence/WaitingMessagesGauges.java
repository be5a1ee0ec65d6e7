package com.kingstonexpress.messaging.conversation.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.kingstonexpress.platform.metrics.KxMetrics;
import com.kingstonexpress.platform.persistence.SqlGauges;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Customer messages waiting for a seller's reply, across all sellers (the dashboard's "messages waiting"): how many,
 * in how many conversations, and how long the longest has waited. Read over the {@code conversation_awaiting} partial
 * index, so the cost follows the conversations waiting, not all of them.
 */
@ApplicationScoped
public class WaitingMessagesGauges {

    @Inject
    SqlGauges gauges;
    @Inject
    MeterRegistry registry;

    void register(@Observes StartupEvent ignored) {
        SqlGauges.CachedRow waiting = gauges.row("""
                SELECT COALESCE(sum(waiting_messages), 0), count(*),
                       GREATEST(COALESCE(EXTRACT(EPOCH FROM now() - min(awaiting_since)), 0), 0)
                FROM conversation WHERE awaiting_since IS NOT NULL""");
        Gauge.builder(KxMetrics.MESSAGES_WAITING, waiting, row -> row.column(1))
                .description("Customer messages waiting for a seller's reply").strongReference(true).register(registry);
        Gauge.builder(KxMetrics.CONVERSATIONS_AWAITING_REPLY, waiting, row -> row.column(2))
                .description("Conversations whose customer waits for a seller's reply").strongReference(true).register(registry);
        Gauge.builder(KxMetrics.MESSAGES_OLDEST_WAITING_AGE, waiting, row -> row.column(3)).baseUnit("seconds")
                .description("How long the longest-waiting customer message has waited").strongReference(true).register(registry);
    }
}
