package com.kingstonexpress.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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
}
