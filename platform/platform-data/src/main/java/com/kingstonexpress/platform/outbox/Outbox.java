package com.kingstonexpress.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 */
@ApplicationScoped
public class Outbox {

    private static final String WAKE_KEY = Outbox.class.getName() + ".wake";

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
        try (Connection c = dataSource.getConnection(); PreparedStatement append = c.prepareStatement(APPEND)) {
            append.setString(1, subject);
            append.setObject(2, UUID.fromString(unnumbered.id()));
            append.setString(3, topic);
            append.setString(4, subject);
            append.setString(5, type);
            append.setString(6, membersAfterTheFirstBrace(json.writeValueAsString(unnumbered)));
            long sequence;
            try (ResultSet rs = append.executeQuery()) {
                rs.next();
                sequence = rs.getLong(1);
            }
            wakeRelayAfterCommit();
            return unnumbered.withSequence(sequence);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not append " + type + " to the outbox", e);
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
