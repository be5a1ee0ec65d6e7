package com.kingstonexpress.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Each table the relay prunes keeps its rows for its own time: sent outbox rows 7 days, inbox ids 15 days,
 * idempotency keys 1 day (the defaults). Rows an hour either side of each cutoff show which time applies, and an
 * unsent outbox row is never pruned, however old.
 */
@QuarkusTest
class RetentionTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Inject
    OutboxRelay relay;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void eachTableKeepsItsRowsForItsOwnRetentionAndUnsentEventsAlways() throws SQLException {
        Instant now = Instant.now();
        String run = UUID.randomUUID().toString();
        Map<String, Boolean> expectedKept = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            expectedKept.put(outboxRow(c, now.minus(Duration.ofDays(7)).minus(HOUR), true), false);
            expectedKept.put(outboxRow(c, now.minus(Duration.ofDays(7)).plus(HOUR), true), true);
            expectedKept.put(outboxRow(c, now.minus(Duration.ofDays(30)), false), true);
            // 10 days: past the outbox's 7, within the inbox's 15.
            expectedKept.put(inboxRow(c, run, now.minus(Duration.ofDays(10))), true);
            expectedKept.put(inboxRow(c, run, now.minus(Duration.ofDays(15)).minus(HOUR)), false);
            expectedKept.put(inboxRow(c, run, now.minus(Duration.ofDays(15)).plus(HOUR)), true);
            // 2 days: within the outbox's 7, past the keys' 1.
            expectedKept.put(idempotencyRow(c, run, now.minus(Duration.ofDays(2))), false);
            expectedKept.put(idempotencyRow(c, run, now.minus(Duration.ofDays(1)).minus(HOUR)), false);
            expectedKept.put(idempotencyRow(c, run, now.minus(Duration.ofDays(1)).plus(HOUR)), true);
        }

        relay.prune(now);

        Map<String, Boolean> kept = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String row : expectedKept.keySet()) {
                kept.put(row, exists(c, row));
            }
        }
        assertEquals(expectedKept, kept);
    }

    /** An outbox row created (and, if {@code sent}, sent) at {@code at}; returns how to find it again. */
    private static String outboxRow(Connection c, Instant at, boolean sent) throws SQLException {
        UUID eventId = UUID.randomUUID();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO kx_outbox (event_id, topic, record_key, event_type, payload,"
                + " created_at, sent_at) VALUES (?, 'kx.platform-test.retention.v1', 'retention', 'com.kingstonexpress.test.kept.v1',"
                + " '{}', ?, ?)")) {
            insert.setObject(1, eventId);
            insert.setTimestamp(2, Timestamp.from(at));
            insert.setTimestamp(3, sent ? Timestamp.from(at) : null);
            insert.executeUpdate();
        }
        return "SELECT 1 FROM kx_outbox WHERE event_id = '" + eventId + "'::uuid -- " + (sent ? "sent " : "unsent, created ") + at;
    }

    private static String inboxRow(Connection c, String consumer, Instant at) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO kx_inbox (consumer, event_id, processed_at) VALUES (?, ?, ?)")) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            insert.setTimestamp(3, Timestamp.from(at));
            insert.executeUpdate();
        }
        return "SELECT 1 FROM kx_inbox WHERE consumer = '" + consumer + "' AND event_id = '" + eventId + "' -- processed " + at;
    }

    private static String idempotencyRow(Connection c, String scope, Instant at) throws SQLException {
        String key = UUID.randomUUID().toString();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO kx_idempotency_key (scope, idem_key, request_hash, created_at) VALUES (?, ?, 'hash', ?)")) {
            insert.setString(1, scope);
            insert.setString(2, key);
            insert.setTimestamp(3, Timestamp.from(at));
            insert.executeUpdate();
        }
        return "SELECT 1 FROM kx_idempotency_key WHERE scope = '" + scope + "' AND idem_key = '" + key + "' -- created " + at;
    }

    private static boolean exists(Connection c, String query) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(query); ResultSet rs = select.executeQuery()) {
            return rs.next();
        }
    }
}
