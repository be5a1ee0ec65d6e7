package com.kingstonexpress.platform.outbox;

import java.nio.charset.StandardCharsets;
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
import java.util.UUID;
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
 * Publishes committed outbox rows to Kafka in {@code position} order and marks sent exactly the rows it read (never a
 * range of positions). Position order is commit order per subject only ({@code Outbox.append} holds the subject's
 * sequence row until commit); a row of another subject that commits while a batch is in flight may hold a lower
 * position, and the next batch publishes it (platform/README.md).
 *
 * <p>One relay publishes at a time across all instances (a PostgreSQL advisory lock), which keeps every key's events in
 * order. Each batch is one Kafka transaction ({@code acks=all}, one transactional id per service), and consumers read
 * committed records only: a batch is visible whole or not at all, so no failure can show a subject's later event
 * without its earlier one. A relay that publishes after another (an instance's first batch, or after a failure)
 * starts a new producer, which fences every earlier one. Rows are marked sent after the Kafka commit; a crash in
 * between re-publishes (consumers deduplicate by event id) and never loses an event.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "KXOUTBOX" as a number, the same in every service's own database. */
    private static final long RELAY_LOCK = 0x4B584F5554424F58L;
    /** Quarkus's TLS registry name for Kafka ({@code kafka.tls-configuration-name}), read by its SSL engine factory. */
    private static final String TLS_CONFIGURATION_NAME = "tls-configuration-name";
    private static final byte[] CLOUDEVENTS_JSON = "application/cloudevents+json".getBytes(StandardCharsets.UTF_8);

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
    /** This relay's name in {@code kx_outbox_publisher}, new at each start. */
    private volatile String instance;
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
        instance = UUID.randomUUID().toString();
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
        dropProducer();
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
        String failure = publishInOneKafkaTransaction(rows, tookOver(c));
        if (failure != null) {
            metrics.publishFailed();
            try (PreparedStatement note = c.prepareStatement(
                    "UPDATE kx_outbox SET attempts = attempts + 1, last_error = ? WHERE position = ?")) {
                note.setString(1, failure.length() > 500 ? failure.substring(0, 500) : failure);
                note.setLong(2, rows.get(0).position);
                note.executeUpdate();
            }
            LOG.warnf("outbox relay: a batch of %d rows from row %d was not published (%s); none of it is visible, will retry",
                    rows.size(), rows.get(0).position, failure);
            return 0;
        }
        // Mark sent exactly the rows this batch read, never a range of positions: a row whose transaction commits while
        // this batch is in flight may hold a lower position than the rows read, and was not sent.
        int marked;
        try (PreparedStatement mark = c.prepareStatement(
                "UPDATE kx_outbox SET sent_at = now(), attempts = attempts + 1 WHERE position = ANY (?) AND sent_at IS NULL")) {
            mark.setArray(1, c.createArrayOf("bigint", rows.stream().map(Row::position).toArray()));
            marked = mark.executeUpdate();
        }
        metrics.published(marked);
        return marked;
    }

    /**
     * Whether this relay publishes after another instance did, or after its own restart: it records itself as the
     * publisher, in the transaction that holds the relay lock.
     */
    private boolean tookOver(Connection c) throws SQLException {
        try (PreparedStatement claim = c.prepareStatement(
                "UPDATE kx_outbox_publisher SET instance = ?, since = now() WHERE id = 1 AND instance IS DISTINCT FROM ?")) {
            claim.setString(1, instance);
            claim.setString(2, instance);
            return claim.executeUpdate() > 0;
        }
    }

    /**
     * Sends the rows in one Kafka transaction and commits it; returns why it failed, or null. On a failure the producer
     * is dropped without committing: what it sent stays invisible to consumers ({@code read_committed}), and the next
     * producer's {@code initTransactions} aborts its open transaction and fences whatever it still had in flight.
     */
    private String publishInOneKafkaTransaction(List<Row> rows, boolean tookOver) {
        try {
            if (tookOver || producer == null) {
                // Under the relay's one transactional id, this fences the previous publisher (another instance, or this
                // instance's abandoned producer): its open transaction is aborted and it can write nothing more.
                replaceProducer();
            }
            producer.beginTransaction();
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (Row row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.key, row.payload);
                record.headers().add("content-type", CLOUDEVENTS_JSON);
                Future<RecordMetadata> ack = producer.send(record);
                if (ack.isDone()) {
                    // Refused at once (no partitions for its topic within max.block.ms): stop here, or each further
                    // record of the batch waits max.block.ms in turn while this transaction holds the relay lock.
                    ack.get();
                }
                acks.add(ack);
            }
            long deadline = System.nanoTime() + config.sendTimeout().toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            producer.commitTransaction();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dropProducer();
            return e.toString();
        } catch (Exception e) {
            dropProducer();
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return cause.toString();
        }
    }

    private void replaceProducer() {
        dropProducer();
        KafkaProducer<String, String> created = createProducer();
        try {
            created.initTransactions();
        } catch (RuntimeException e) {
            created.close(java.time.Duration.ZERO);
            throw e;
        }
        producer = created;
        producerMetrics = new KafkaClientMetrics(created);
        producerMetrics.bindTo(registry);
    }

    /** Closes the producer without waiting; its open transaction, if any, is aborted by the next producer's initTransactions. */
    private void dropProducer() {
        if (producer != null) {
            producer.close(java.time.Duration.ZERO);
            producerMetrics.close();
            producer = null;
            producerMetrics = null;
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

    /** A relay producer, not yet initialised; package-private so a test can stand in for an abandoned one. */
    KafkaProducer<String, String> createProducer() {
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
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(config.sendTimeout().toMillis() / 3));
        // A batch is one Kafka transaction under one id per service, so every instance's relay fences the one before it.
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Long.toString(config.transactionTimeout().toMillis()));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "kx-outbox-relay");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private record Row(long position, String topic, String key, String type, String payload) {
    }
}
