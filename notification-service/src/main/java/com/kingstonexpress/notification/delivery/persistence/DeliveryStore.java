package com.kingstonexpress.notification.delivery.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.kingstonexpress.notification.config.Jdbc;
import com.kingstonexpress.notification.delivery.domain.DeliveryStatus;

/**
 * The delivery log. An attempt is recorded twice, each in its own committed statement: when it is
 * claimed (status IN_FLIGHT, attempts + 1, a lease) and when its outcome is known. A crash between the
 * two leaves an expired lease, and the delivery is simply sent again (at-least-once; the receiver
 * deduplicates by event id). The outcome is written only by the holder of the claim ({@code attempts}
 * is the fencing token), so a late answer to an attempt whose lease ran out changes nothing.
 */
@ApplicationScoped
public class DeliveryStore {

    private static final int MAX_STORED_RESPONSE = 2000;

    @Inject
    DataSource dataSource;

    /** A delivery claimed for one attempt, with all it needs to go out. */
    public record Claimed(String deliveryId, String subscriptionId, int attempt, String url, String secret, String eventId,
            String eventType, String body, Instant occurredAt, Instant giveUpAt) {
    }

    public record Attempt(int attempt, Instant startedAt, Instant finishedAt, Integer statusCode, String error, String response) {
    }

    public record Delivery(String deliveryId, String subscriptionId, String eventId, String eventType, DeliveryStatus status,
            int attempts, int replays, Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, Instant deliveredAt,
            Instant giveUpAt, Integer lastStatusCode, String lastError, String lastResponse) {
    }

    /** Puts deliveries whose lease ran out (their sender crashed or hung) back in the queue, due now. */
    public int releaseExpiredLeases(Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        UPDATE notification_delivery SET status = 'PENDING', next_attempt_at = ?, lease_until = NULL, updated_at = ?,
                            last_error = coalesce(last_error, 'attempt abandoned (no outcome recorded)')
                        WHERE status = 'IN_FLIGHT' AND lease_until < ?""")) {
            Jdbc.setInstant(s, 1, now);
            Jdbc.setInstant(s, 2, now);
            Jdbc.setInstant(s, 3, now);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.unavailable("delivery store", e);
        }
    }

    /**
     * Claims due deliveries, oldest due first, at most {@code perEndpoint} per subscription counting those
     * already in flight ({@code busy}), so a slow endpoint never takes the slots of the others.
     */
    public List<Claimed> claimDue(Map<String, Integer> busy, int perEndpoint, int limit, Instant now, Instant leaseUntil) {
        String[] ids = busy.keySet().toArray(String[]::new);
        Integer[] counts = busy.values().toArray(Integer[]::new);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        WITH busy AS (SELECT * FROM unnest(?::text[], ?::int[]) AS b(subscription_id, n)),
                        due AS (
                            SELECT d.delivery_id, d.next_attempt_at, coalesce(b.n, 0) AS busy,
                                   row_number() OVER (PARTITION BY d.subscription_id ORDER BY d.next_attempt_at, d.delivery_id) AS rn
                            FROM notification_delivery d LEFT JOIN busy b ON b.subscription_id = d.subscription_id
                            WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?),
                        picked AS (SELECT delivery_id FROM due WHERE rn + busy <= ? ORDER BY next_attempt_at, delivery_id LIMIT ?)
                        UPDATE notification_delivery d
                        SET status = 'IN_FLIGHT', attempts = d.attempts + 1, lease_until = ?, last_attempt_at = ?, updated_at = ?
                        FROM picked p, notification_subscription s, notification n
                        WHERE d.delivery_id = p.delivery_id AND d.status = 'PENDING'
                          AND s.subscription_id = d.subscription_id AND n.position = d.position
                        RETURNING d.delivery_id, d.subscription_id, d.attempts, s.url, s.secret, n.event_id, n.event_type, n.body,
                                  n.occurred_at, d.give_up_at""")) {
            s.setArray(1, c.createArrayOf("text", ids));
            s.setArray(2, c.createArrayOf("int4", counts));
            Jdbc.setInstant(s, 3, now);
            s.setInt(4, perEndpoint);
            s.setInt(5, limit);
            Jdbc.setInstant(s, 6, leaseUntil);
            Jdbc.setInstant(s, 7, now);
            Jdbc.setInstant(s, 8, now);
            List<Claimed> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Claimed(rs.getString("delivery_id"), rs.getString("subscription_id"), rs.getInt("attempts"),
                            rs.getString("url"), rs.getString("secret"), rs.getString("event_id"), rs.getString("event_type"),
                            rs.getString("body"), Jdbc.instant(rs, "occurred_at"), Jdbc.instant(rs, "give_up_at")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.unavailable("delivery store", e);
        }
    }

    /**
     * Records the outcome of attempt {@code claimed.attempt()}: the attempt row, and the delivery's new state
     * ({@code next} empty and not delivered: parked as FAILED), in one transaction.
     */
    @Transactional
    public void recordOutcome(Claimed claimed, Attempt attempt, boolean delivered, Optional<Instant> next) {
        String response = truncate(attempt.response());
        String error = truncate(attempt.error());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO notification_delivery_attempt (delivery_id, attempt, started_at, finished_at, status_code, error, response)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                insert.setString(1, claimed.deliveryId());
                insert.setInt(2, attempt.attempt());
                Jdbc.setInstant(insert, 3, attempt.startedAt());
                Jdbc.setInstant(insert, 4, attempt.finishedAt());
                Jdbc.setInteger(insert, 5, attempt.statusCode());
                insert.setString(6, error);
                insert.setString(7, response);
                insert.executeUpdate();
            }
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE notification_delivery
                    SET status = ?, next_attempt_at = ?, delivered_at = ?, lease_until = NULL, updated_at = ?,
                        last_status_code = ?, last_error = ?, last_response = ?
                    WHERE delivery_id = ? AND status = 'IN_FLIGHT' AND attempts = ?""")) {
                DeliveryStatus status = delivered ? DeliveryStatus.DELIVERED
                        : next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
                update.setString(1, status.name());
                Jdbc.setInstant(update, 2, delivered ? null : next.orElse(null));
                Jdbc.setInstant(update, 3, delivered ? attempt.finishedAt() : null);
                Jdbc.setInstant(update, 4, attempt.finishedAt());
                Jdbc.setInteger(update, 5, attempt.statusCode());
                update.setString(6, error);
                update.setString(7, response);
                update.setString(8, claimed.deliveryId());
                update.setInt(9, attempt.attempt());
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw Jdbc.unavailable("delivery store", e);
        }
    }

    /** A subscription's deliveries, newest first, optionally of one status. */
    public List<Delivery> page(String subscriptionId, DeliveryStatus status, Instant afterCreatedAt, String afterId, int limit) {
        String sql = SELECT + " WHERE d.subscription_id = ?" + (status == null ? "" : " AND d.status = ?")
                + (afterCreatedAt == null ? "" : " AND (d.created_at, d.delivery_id) < (?, ?)")
                + " ORDER BY d.created_at DESC, d.delivery_id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, subscriptionId);
            if (status != null) {
                s.setString(i++, status.name());
            }
            if (afterCreatedAt != null) {
                Jdbc.setInstant(s, i++, afterCreatedAt);
                s.setString(i++, afterId);
            }
            s.setInt(i, limit + 1);
            List<Delivery> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.unavailable("delivery store", e);
        }
    }

    public Optional<Delivery> find(String subscriptionId, String deliveryId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(SELECT + " WHERE d.subscription_id = ? AND d.delivery_id = ?")) {
            s.setString(1, subscriptionId);
            s.setString(2, deliveryId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.unavailable("delivery store", e);
        }
    }

    public List<Attempt> attempts(String deliveryId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT attempt, started_at, finished_at, status_code, error, response FROM notification_delivery_attempt
                        WHERE delivery_id = ? ORDER BY attempt""")) {
            s.setString(1, deliveryId);
            List<Attempt> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Attempt(rs.getInt("attempt"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"),
                            Jdbc.integer(rs, "status_code"), rs.getString("error"), rs.getString("response")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.unavailable("delivery store", e);
        }
    }

    /**
     * Puts a parked (FAILED) delivery back in the queue, due now, with a fresh retry window.
     *
     * @return the delivery as the replay left it, or empty when it is not FAILED (any more)
     */
    public Optional<Delivery> replay(String subscriptionId, String deliveryId, Instant now, Instant giveUpAt) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        WITH d AS (
                            UPDATE notification_delivery SET status = 'PENDING', next_attempt_at = ?, give_up_at = ?, replays = replays + 1,
                                updated_at = ?
                            WHERE subscription_id = ? AND delivery_id = ? AND status = 'FAILED' RETURNING *)
                        """ + SELECT.replace("FROM notification_delivery d", "FROM d"))) {
            Jdbc.setInstant(s, 1, now);
            Jdbc.setInstant(s, 2, giveUpAt);
            Jdbc.setInstant(s, 3, now);
            s.setString(4, subscriptionId);
            s.setString(5, deliveryId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.unavailable("delivery store", e);
        }
    }

    private static final String SELECT = """
            SELECT d.delivery_id, d.subscription_id, n.event_id, n.event_type, d.status, d.attempts, d.replays, d.created_at,
                   d.next_attempt_at, d.last_attempt_at, d.delivered_at, d.give_up_at, d.last_status_code, d.last_error, d.last_response
            FROM notification_delivery d JOIN notification n ON n.position = d.position""";

    private static Delivery read(ResultSet rs) throws SQLException {
        return new Delivery(rs.getString("delivery_id"), rs.getString("subscription_id"), rs.getString("event_id"),
                rs.getString("event_type"), DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getInt("replays"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "next_attempt_at"), Jdbc.instant(rs, "last_attempt_at"),
                Jdbc.instant(rs, "delivered_at"), Jdbc.instant(rs, "give_up_at"), Jdbc.integer(rs, "last_status_code"),
                rs.getString("last_error"), rs.getString("last_response"));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_STORED_RESPONSE ? s : s.substring(0, MAX_STORED_RESPONSE);
    }
}
