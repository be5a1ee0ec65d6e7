package com.kingstonexpress.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes committed outbox rows to Kafka in {@code position} order and marks sent exactly the rows it read and the
 * broker acknowledged (never a range of positions). Position order is commit order per subject only
 * ({@code Outbox.append} holds the subject's sequence row until commit); a row of another subject that commits while
 * a batch is in flight may hold a lower position, and the next batch publishes it (platform/README.md).
 *
 * <p>One relay publishes at a time across all instances (a PostgreSQL advisory lock), which keeps every
 * key's events in order. The producer is idempotent with {@code acks=all}. A row is marked sent only
 * after the broker acknowledged it and every row before it in its batch; a crash in between re-publishes (consumers
 * deduplicate by event id) and never loses an event.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "KXOUTBOX" as a number, the same in every service's own database. */
    private static final long RELAY_LOCK = 0x4B584F5554424F58L;
    /** Quarkus's TLS registry name for Kafka ({@code kafka.tls-configuration-name}), read by its SSL engine factory. */
    private static final String TLS_CONFIGURATION_NAME = "tls-configuration-name";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxConfig config;
    /** Every {@code kafka.*} setting of the service (bootstrap servers, security protocol, SASL, SSL), as its consumers use. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;
    @Inject
    OutboxMetrics metrics;
    @Inject
    MeterRegistry registry;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private ExecutorService loop;
    private KafkaProducer<String, String> producer;
    /** The relay producer's own Kafka client metrics (kafka_producer_*), bound again for each fresh producer. */
    private KafkaClientMetrics producerMetrics;
    private Instant nextPrune = Instant.EPOCH;

    void onStart(@Observes StartupEvent ignored) {
        if (config.relayEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent ignored) {
        stop();
    }

    /** Starts publishing (at application start unless {@code kx.outbox.relay-enabled=false}). */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        producer = createProducer();
        loop = Executors.newSingleThreadExecutor(r -> new Thread(r, "kx-outbox-relay"));
        loop.submit(this::run);
    }

    /** Stops publishing; unsent rows stay in the outbox for the next relay. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeUps.release();
        loop.shutdown();
        try {
            if (!loop.awaitTermination(30, TimeUnit.SECONDS)) {
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(java.time.Duration.ofSeconds(5));
        producerMetrics.close();
    }

    /** Asks the relay to look for new rows now. */
    public void wake() {
        wakeUps.release();
    }

    private void run() {
        while (running) {
            try {
                wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                while (running && publishBatch() == config.batchSize()) {
                    // a full batch: there may be more right away
                }
                pruneIfDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return; // shutting down: the datasource may already be closed
                }
                LOG.warnf("outbox relay: %s; retrying in %s", e.getMessage(), config.pollInterval());
            }
        }
    }

    /** Publishes up to one batch; returns how many rows it marked sent. */
    int publishBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int sent = publishBatch(c);
                c.commit();
                return sent;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int publishBatch(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0; // another instance is publishing
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT position, topic, record_key, event_type, payload FROM kx_outbox WHERE sent_at IS NULL ORDER BY position LIMIT ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        String failure = null;
        for (Row row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.key, row.payload);
            record.headers().add("content-type", "application/cloudevents+json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Future<RecordMetadata> ack;
            try {
                ack = producer.send(record);
            } catch (RuntimeException e) {
                failure = e.toString();
                break;
            }
            failure = refusal(ack);
            if (failure != null) {
                break; // nothing after a refused row goes to the producer: it would overtake the row
            }
            acks.add(ack);
        }
        // Mark sent exactly the rows this batch read and the broker acknowledged, and only their unbroken prefix,
        // so no later row of a subject overtakes an earlier one. Never mark by range: a row whose transaction
        // commits while this batch is in flight may hold a lower position than the rows read, and was not sent.
        List<Long> acknowledged = new ArrayList<>(acks.size());
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(rows.get(i).position);
            } catch (Exception e) {
                failure = e.getCause() != null ? e.getCause().toString() : e.toString();
                break;
            }
        }
        int marked = 0;
        if (!acknowledged.isEmpty()) {
            try (PreparedStatement mark = c.prepareStatement(
                    "UPDATE kx_outbox SET sent_at = now(), attempts = attempts + 1 WHERE position = ANY (?) AND sent_at IS NULL")) {
                mark.setArray(1, c.createArrayOf("bigint", acknowledged.toArray()));
                marked = mark.executeUpdate();
            }
        }
        metrics.published(marked);
        if (failure != null) {
            metrics.publishFailed();
            long firstUnsent = rows.get(acknowledged.size()).position;
            try (PreparedStatement note = c.prepareStatement(
                    "UPDATE kx_outbox SET attempts = attempts + 1, last_error = ? WHERE position = ?")) {
                note.setString(1, failure.length() > 500 ? failure.substring(0, 500) : failure);
                note.setLong(2, firstUnsent);
                note.executeUpdate();
            }
            LOG.warnf("outbox relay: published %d of %d; row %d not acknowledged (%s), will retry", acknowledged.size(), rows.size(),
                    firstUnsent, failure);
            // A fresh producer starts a fresh idempotent session; the unacknowledged rows go out again in order.
            producer.close(java.time.Duration.ZERO);
            producerMetrics.close();
            producer = createProducer();
        }
        return failure == null ? marked : 0;
    }

    /**
     * Why the producer refused a record at once, or null. {@code send} reports some refusals as an already-failed
     * future instead of an exception (no metadata for the topic within {@code max.block.ms}, e.g. while the broker
     * restarts), and then accepts the next record as if nothing happened.
     */
    private static String refusal(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return null;
        }
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e.toString() : e.getCause().toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    private void pruneIfDue() throws SQLException {
        if (Instant.now().isBefore(nextPrune)) {
            return;
        }
        nextPrune = Instant.now().plus(config.pruneInterval());
        Pruned pruned = prune(Instant.now());
        if (pruned.outbox() + pruned.inbox() + pruned.idempotencyKeys() > 0) {
            LOG.infof("pruned %d sent outbox rows (kept %s), %d inbox ids (kept %s), %d idempotency keys (kept %s)", pruned.outbox(),
                    config.retention(), pruned.inbox(), config.inboxRetention(), pruned.idempotencyKeys(), config.idempotencyRetention());
        }
    }

    /** Rows deleted by one prune. */
    record Pruned(int outbox, int inbox, int idempotencyKeys) {
    }

    /** Deletes what each table keeps no longer at {@code now}: sent outbox rows, inbox ids, idempotency keys. */
    Pruned prune(Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return new Pruned(
                    deleteOlder(c, "DELETE FROM kx_outbox WHERE sent_at IS NOT NULL AND sent_at < ?", now.minus(config.retention())),
                    deleteOlder(c, "DELETE FROM kx_inbox WHERE processed_at < ?", now.minus(config.inboxRetention())),
                    deleteOlder(c, "DELETE FROM kx_idempotency_key WHERE created_at < ?", now.minus(config.idempotencyRetention())));
        }
    }

    private static int deleteOlder(Connection c, String sql, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(sql)) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        }
    }

    private KafkaProducer<String, String> createProducer() {
        Properties p = new Properties();
        // The cluster's connection and security settings come from the service's own Kafka configuration, so a
        // cluster with TLS or SASL needs them set once; the relay's delivery guarantees below always win.
        kafkaConfig.forEach((name, value) -> {
            if (ProducerConfig.configNames().contains(name) || TLS_CONFIGURATION_NAME.equals(name)) {
                p.put(name, value);
            }
        });
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        // The producer never gives up on a record by itself: it retries until the relay stops waiting and closes it.
        // An idempotent producer that fails one batch (delivery timeout) bumps its epoch and goes on delivering
        // the later batches of the same partition, so a subject's later event would reach the topic before its
        // earlier one. Closed at once instead, it sends nothing more; the broker has at most an in-order prefix.
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(config.sendTimeout().toMillis() / 3));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "kx-outbox-relay");
        KafkaProducer<String, String> created = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        producerMetrics = new KafkaClientMetrics(created);
        producerMetrics.bindTo(registry);
        return created;
    }

    private record Row(long position, String topic, String key, String type, String payload) {
    }
}
