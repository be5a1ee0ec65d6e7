package com.kingstonexpress.platform.metrics;

import java.util.List;

/**
 * The names of the platform's own meters, in one place: the code registers them by these names, and the Grafana
 * dashboard and the Prometheus alert rules ({@code deploy/observability}) may use only these (a test checks it).
 * Micrometer names are dotted; Prometheus shows them with underscores, counters ending in {@code _total} and a
 * unit in seconds ending in {@code _seconds}. Tags are bounded: consumer, rule, outcome, service, lane and status
 * names, never an order, seller or event id.
 */
public final class KxMetrics {

    /** Gauge: outbox rows not yet published. */
    public static final String OUTBOX_UNSENT = "kx.outbox.unsent";
    /** Gauge (seconds): how long the oldest unpublished outbox row has waited; 0 when none waits. */
    public static final String OUTBOX_OLDEST_UNSENT_AGE = "kx.outbox.oldest.unsent.age";
    /** Counter: outbox rows the relay published and marked sent. */
    public static final String OUTBOX_PUBLISHED = "kx.outbox.published";
    /** Counter: relay batches a send failed in (the rest of the batch is sent again by a fresh producer). */
    public static final String OUTBOX_PUBLISH_FAILURES = "kx.outbox.publish.failures";
    /** Counter, tag {@code consumer}: records a consumer sent to its dead-letter topic. */
    public static final String EVENTS_DEAD_LETTERED = "kx.events.dead.lettered";
    /** Counter, tag {@code consumer}: events parked until the fact they name is known. */
    public static final String EVENTS_PARKED = "kx.events.parked";
    /** Counter, tag {@code consumer}: parked events that expired without their fact. */
    public static final String EVENTS_PARKED_EXPIRED = "kx.events.parked.expired";
    /** Counter, tag {@code rule}: requests refused by a business rule (409 with a rule id). */
    public static final String GUARD_REFUSALS = "kx.guard.refusals";
    /** Counter, tags {@code sender} (center, carrier) and {@code outcome}: signed webhooks received by fulfillment. */
    public static final String WEBHOOK_RECEIPTS = "kx.webhook.receipts";
    /** Counter, tag {@code rule}: reply-check findings in messaging (a draft reply breaking a rule). */
    public static final String REPLY_CHECK_FINDINGS = "kx.reply.check.findings";
    /** Gauge: customer messages waiting for a seller's reply (messaging). */
    public static final String MESSAGES_WAITING = "kx.messages.waiting";
    /** Gauge: conversations whose customer waits for a seller's reply (messaging). */
    public static final String CONVERSATIONS_AWAITING_REPLY = "kx.conversations.awaiting.reply";
    /** Gauge (seconds): how long the longest-waiting customer message has waited; 0 when none waits (messaging). */
    public static final String MESSAGES_OLDEST_WAITING_AGE = "kx.messages.oldest.waiting.age";
    /** Counter, tags {@code service}, {@code status} (413, 429, 503, 504) and {@code reason}: the gateway's own refusals. */
    public static final String GATEWAY_REFUSALS = "kx.gateway.refusals";
    /** Gauge, tags {@code service} and {@code lane}: 1 while the gateway's breaker for that service refuses requests. */
    public static final String GATEWAY_BREAKER_OPEN = "kx.gateway.breaker.open";
    /**
     * Counter, tags {@code lock} (the job's name) and {@code outcome} ({@code ran}, {@code skipped}): passes of a job
     * that runs alone across every instance of a service; {@code skipped} when another instance was running it.
     */
    public static final String EXCLUSIVE_RUNS = "kx.exclusive.runs";

    /** The Prometheus names of the meters above, as the dashboard and the alert rules write them. */
    public static final List<String> PROMETHEUS_NAMES = List.of(
            "kx_outbox_unsent",
            "kx_outbox_oldest_unsent_age_seconds",
            "kx_outbox_published_total",
            "kx_outbox_publish_failures_total",
            "kx_events_dead_lettered_total",
            "kx_events_parked_total",
            "kx_events_parked_expired_total",
            "kx_guard_refusals_total",
            "kx_webhook_receipts_total",
            "kx_reply_check_findings_total",
            "kx_messages_waiting",
            "kx_conversations_awaiting_reply",
            "kx_messages_oldest_waiting_age_seconds",
            "kx_gateway_refusals_total",
            "kx_gateway_breaker_open",
            "kx_exclusive_runs_total");

    /**
     * Meters the extensions register that the dashboard uses as well: HTTP server requests, the Kafka clients
     * (the connector's consumers and the relay's producer), the connection pool and the JVM.
     */
    public static final List<String> EXTENSION_NAMES = List.of(
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_sum",
            "kafka_consumer_fetch_manager_records_lag_max",
            "kafka_producer_record_send_total",
            "kafka_producer_record_error_total",
            "agroal_active_count",
            "agroal_awaiting_count");

    private KxMetrics() {
    }
}
