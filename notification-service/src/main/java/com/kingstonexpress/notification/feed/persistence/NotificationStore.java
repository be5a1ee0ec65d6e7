package com.kingstonexpress.notification.feed.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.kingstonexpress.notification.config.Jdbc;
import com.kingstonexpress.notification.feed.domain.NotificationType;

/**
 * The feed: every notification in one total order ({@code position}), and the fan-out of each to the
 * deliveries its subscribers are owed, written in the transaction that consumes the event.
 */
@ApplicationScoped
public class NotificationStore {

    /** Advisory lock key: "KXNOTIFY". */
    private static final long FEED_LOCK = 0x4B584E4F54494659L;
    /** The transaction's resource saying it holds {@link #FEED_LOCK} (until it ends). */
    private static final String FEED_LOCK_HELD = NotificationStore.class.getName() + ".feed-lock";

    @Inject
    DataSource dataSource;
    @Inject
    TransactionSynchronizationRegistry transactions;

    public record NewNotification(String eventId, String sellerId, NotificationType type, String subject, Instant occurredAt,
            String body) {
    }

    public record Stored(long position, String eventId, String type, String body) {
    }

    /**
     * Appends the notification and one PENDING delivery per matching active subscription (the seller's own,
     * or every subscriber for a platform-wide type).
     *
     * @return how many deliveries were created; empty if this event id was already appended
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OptionalLong append(NewNotification n, Instant now, Instant giveUpAt) {
        try (Connection c = dataSource.getConnection()) {
            // Positions come from a sequence, so two transactions could commit them out of order, and a stream that
            // has read position p would then never see p-1. Holding this lock from taking the position until commit
            // makes positions visible in order. It serialises only this short insert, not the consumers' parsing; a
            // transaction that holds it (a poll of events) takes it once.
            if (transactions.getResource(FEED_LOCK_HELD) == null) {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, FEED_LOCK);
                    lock.execute();
                }
                transactions.putResource(FEED_LOCK_HELD, Boolean.TRUE);
            }
            // The notification and its deliveries in one statement; no row when the event id was appended before.
            try (PreparedStatement append = c.prepareStatement("""
                    WITH appended AS (
                        INSERT INTO notification (event_id, seller_id, event_type, subject, occurred_at, received_at, body)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING RETURNING position),
                    fanned AS (
                        INSERT INTO notification_delivery (delivery_id, subscription_id, position, status, attempts, next_attempt_at,
                            give_up_at, created_at, updated_at)
                        SELECT gen_random_uuid()::text, s.subscription_id, a.position, 'PENDING', 0, ?, ?, ?, ?
                        FROM appended a, notification_subscription s
                        WHERE s.status = 'ACTIVE' AND s.event_types @> ARRAY[?]::text[] AND (s.seller_id = ? OR ?)
                        RETURNING 1)
                    SELECT (SELECT count(*) FROM fanned) FROM appended""")) {
                append.setString(1, n.eventId());
                append.setString(2, n.sellerId());
                append.setString(3, n.type().publicName());
                append.setString(4, n.subject());
                Jdbc.setInstant(append, 5, n.occurredAt());
                Jdbc.setInstant(append, 6, now);
                append.setString(7, n.body());
                Jdbc.setInstant(append, 8, now);
                Jdbc.setInstant(append, 9, giveUpAt);
                Jdbc.setInstant(append, 10, now);
                Jdbc.setInstant(append, 11, now);
                append.setString(12, n.type().publicName());
                append.setString(13, n.sellerId());
                append.setBoolean(14, n.type().platformWide());
                try (ResultSet rs = append.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        } catch (SQLException e) {
            throw Jdbc.unavailable("notification store", e);
        }
    }

    /** The seller's notifications (and platform-wide ones) after {@code position}, oldest first. */
    public List<Stored> after(String sellerId, long position, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT position, event_id, event_type, body FROM notification
                        WHERE position > ? AND (seller_id = ? OR seller_id IS NULL) ORDER BY position LIMIT ?""")) {
            s.setLong(1, position);
            s.setString(2, sellerId);
            s.setInt(3, limit);
            List<Stored> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.unavailable("notification store", e);
        }
    }

    /** The newest position, where a stream without {@code Last-Event-ID} starts. */
    public long latestPosition() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT coalesce(max(position), 0) FROM notification");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw Jdbc.unavailable("notification store", e);
        }
    }
}
