package com.kingstonexpress.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * The idempotent-consumer record: which events each consumer has already applied. It only works inside
 * the transaction that applies the event, so the effect and the record commit together.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    AgroalDataSource dataSource;

    /**
     * Records that {@code consumer} is applying {@code eventId}.
     *
     * @return true the first time; false if the event was already applied (a redelivery: do nothing).
     *         A concurrent delivery of the same event waits here until the first one commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO kx_inbox (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("inbox unavailable", e);
        }
    }

    /**
     * {@link #firstDelivery} for a poll's events in one statement, in id order (two consumers claiming overlapping
     * polls, as in a rebalance, wait on each other in one order).
     *
     * @return the ids recorded now, each once (an id twice in {@code eventIds} counts once); the others were applied
     *         before
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        Set<String> first = new HashSet<>();
        if (eventIds.isEmpty()) {
            return first;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO kx_inbox (consumer, event_id)
                        SELECT ?, id FROM (SELECT DISTINCT unnest(?::text[]) AS id) ids ORDER BY id
                        ON CONFLICT DO NOTHING RETURNING event_id""")) {
            insert.setString(1, consumer);
            insert.setArray(2, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    first.add(rs.getString(1));
                }
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("inbox unavailable", e);
        }
    }
}
