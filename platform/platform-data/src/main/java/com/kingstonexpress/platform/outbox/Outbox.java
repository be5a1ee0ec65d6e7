package com.kingstonexpress.platform.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.EventSource;
import com.kingstonexpress.platform.events.EventType;
import com.kingstonexpress.platform.persistence.AfterCommit;
import com.kingstonexpress.platform.web.RequestIds;

import io.agroal.api.AgroalDataSource;

/**
 * Appends events to the transactional outbox. It only works inside the caller's transaction, so the
 * event commits or rolls back together with the state change it announces; {@link OutboxRelay} then
 * publishes it. Never send to Kafka directly beside a database write.
 *
 * <p>An append numbers its subject and writes its row at once: one round trip per event. A transaction that appends
 * for many subjects (a consumer's poll, a webhook batch) first {@link #reserve reserves} them: one statement locks
 * their sequence rows, its appends are numbered in memory, and their rows are written in one statement before it
 * commits.
 */
@ApplicationScoped
public class Outbox {

    private static final String WAKE_KEY = Outbox.class.getName() + ".wake";
    private static final String RESERVED_KEY = Outbox.class.getName() + ".reserved";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    EventSource source;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    OutboxRelay relay;

    /**
     * Records {@code data} as the event its class declares with {@link EventType}, for {@code subject} on
     * {@code topic}; the subject is also the Kafka record key.
     *
     * @return the envelope as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(String topic, String subject, Object data) {
        EventType declared = data.getClass().getAnnotation(EventType.class);
        if (declared == null) {
            throw new IllegalArgumentException(data.getClass().getName() + " declares no @EventType");
        }
        return append(topic, declared.value(), subject, data);
    }

    /**
     * Records an event of a type given by name; for payloads without a record class of their own (platform tests,
     * generic tooling). Services publish typed records through {@link #append(String, String, Object)}.
     *
     * @return the envelope as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(String topic, String type, String subject, Object data) {
        JsonNode dataNode = json.valueToTree(data);
        EventEnvelope unnumbered = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), source.uri(), type,
                subject, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), EventEnvelope.JSON, null,
                RequestIds.current(), RequestIds.currentTraceparent(), dataNode);
        String members;
        try {
            members = membersAfterTheFirstBrace(json.writeValueAsString(unnumbered));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize " + type + " for the outbox", e);
        }
        Reserved reserved = (Reserved) transactions.getResource(RESERVED_KEY);
        long sequence = reserved != null && reserved.holds(subject)
                ? reserved.queue(unnumbered.id(), topic, subject, type, members)
                : appendNow(unnumbered.id(), topic, subject, type, members);
        wakeRelayAfterCommit();
        return unnumbered.withSequence(sequence);
    }

    /** Numbers the subject and writes the row in one statement; returns the event's sequence number. */
    private long appendNow(String eventId, String topic, String subject, String type, String members) {
        try (Connection c = dataSource.getConnection(); PreparedStatement append = c.prepareStatement(APPEND)) {
            append.setString(1, subject);
            append.setObject(2, UUID.fromString(eventId));
            append.setString(3, topic);
            append.setString(4, subject);
            append.setString(5, type);
            append.setString(6, members);
            try (ResultSet rs = append.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not append " + type + " to the outbox", e);
        }
    }

    /**
     * Locks the sequence rows of {@code subjects} for the rest of the transaction, in one statement and in subject order
     * (so two transactions reserving overlapping subjects never deadlock on each other). From then on this transaction's
     * appends for them are numbered in memory and their rows are written together, in append order, in one statement
     * before the transaction commits. Reserving a subject that gets no event costs its lock and nothing else.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(Collection<String> subjects) {
        Reserved reserved = (Reserved) transactions.getResource(RESERVED_KEY);
        if (reserved == null) {
            reserved = new Reserved();
            transactions.putResource(RESERVED_KEY, reserved);
            transactions.registerInterposedSynchronization(reserved);
        }
        String[] toLock = subjects.stream().filter(Objects::nonNull).filter(Predicate.not(reserved::holds)).distinct()
                .toArray(String[]::new);
        if (toLock.length == 0) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement reserve = c.prepareStatement(RESERVE)) {
            reserve.setArray(1, c.createArrayOf("text", toLock));
            try (ResultSet rs = reserve.executeQuery()) {
                while (rs.next()) {
                    reserved.hold(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not reserve the event sequences of " + toLock.length + " subjects", e);
        }
    }

    /**
     * The subject's next sequence number and the outbox row in one statement: one round trip, and one statement's work
     * in PostgreSQL, per event. The envelope comes serialized without its sequence (null members are left out), and the
     * statement writes {@code "sequence":n} as the object's first member.
     */
    static final String APPEND = """
            WITH numbered AS (
                INSERT INTO kx_event_sequence (subject, last_seq) VALUES (?, 1)
                ON CONFLICT (subject) DO UPDATE SET last_seq = kx_event_sequence.last_seq + 1
                RETURNING last_seq),
            appended AS (
                INSERT INTO kx_outbox (event_id, topic, record_key, event_type, payload)
                SELECT ?, ?, ?, ?, '{"sequence":' || last_seq || ',' || ? FROM numbered
                RETURNING 1)
            SELECT last_seq FROM numbered, appended""";

    /**
     * Locks and reads the subjects' sequence rows (a subject without one gets it, at 0). {@code DO UPDATE} takes the row
     * lock even when it changes nothing; the rows are locked in subject order.
     */
    static final String RESERVE = """
            INSERT INTO kx_event_sequence (subject, last_seq)
            SELECT subject, 0 FROM unnest(?::text[]) AS s(subject) ORDER BY subject
            ON CONFLICT (subject) DO UPDATE SET last_seq = kx_event_sequence.last_seq
            RETURNING subject, last_seq""";

    /**
     * Reserved appends in one statement: the outbox rows in append order (positions follow it), and each subject's last
     * sequence number.
     */
    static final String WRITE_RESERVED = """
            WITH appended AS (
                INSERT INTO kx_outbox (event_id, topic, record_key, event_type, payload)
                SELECT e.event_id::uuid, e.topic, e.record_key, e.event_type, e.payload
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    WITH ORDINALITY AS e(event_id, topic, record_key, event_type, payload, n)
                ORDER BY e.n
                RETURNING 1)
            UPDATE kx_event_sequence s SET last_seq = v.last_seq
            FROM unnest(?::text[], ?::bigint[]) AS v(subject, last_seq)
            WHERE s.subject = v.subject""";

    /** An append for a reserved subject, numbered and serialized, waiting for the transaction to commit. */
    private record Queued(String eventId, String topic, String subject, String type, String payload) {
    }

    /**
     * One transaction's reserved subjects, their last numbers, and the appends not written yet. It writes them when the
     * transaction is about to commit; if that fails, the transaction rolls back with the failure as its cause.
     */
    private final class Reserved implements Synchronization {

        private final Map<String, Long> lastBySubject = new HashMap<>();
        private final List<Queued> queued = new ArrayList<>();
        private boolean written;

        boolean holds(String subject) {
            return lastBySubject.containsKey(subject);
        }

        void hold(String subject, long last) {
            lastBySubject.put(subject, last);
        }

        long queue(String eventId, String topic, String subject, String type, String members) {
            if (written) {
                throw new IllegalStateException("an event appended after the transaction's reserved events were written");
            }
            long sequence = lastBySubject.merge(subject, 1L, Long::sum);
            queued.add(new Queued(eventId, topic, subject, type, "{\"sequence\":" + sequence + "," + members));
            return sequence;
        }

        @Override
        public void beforeCompletion() {
            written = true;
            if (queued.isEmpty() || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
                return;
            }
            List<String> subjects = queued.stream().map(Queued::subject).distinct().toList();
            try (Connection c = dataSource.getConnection(); PreparedStatement write = c.prepareStatement(WRITE_RESERVED)) {
                write.setArray(1, texts(c, Queued::eventId));
                write.setArray(2, texts(c, Queued::topic));
                write.setArray(3, texts(c, Queued::subject));
                write.setArray(4, texts(c, Queued::type));
                write.setArray(5, texts(c, Queued::payload));
                write.setArray(6, c.createArrayOf("text", subjects.toArray()));
                write.setArray(7, c.createArrayOf("bigint", subjects.stream().map(lastBySubject::get).toArray()));
                write.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not write " + queued.size() + " reserved events to the outbox", e);
            }
        }

        private Array texts(Connection c, Function<Queued, String> field) throws SQLException {
            return c.createArrayOf("text", queued.stream().map(field).toArray());
        }

        @Override
        public void afterCompletion(int status) {
        }
    }

    private static String membersAfterTheFirstBrace(String envelope) {
        if (!envelope.startsWith("{") || envelope.length() < 3) {
            throw new IllegalStateException("an event envelope serializes to a JSON object with members: " + envelope);
        }
        return envelope.substring(1);
    }

    /** Publishing latency stays low without polling hard: the relay is woken when the transaction commits. */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        AfterCommit.run(transactions, relay::wake);
    }
}
