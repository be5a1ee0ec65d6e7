package com.kingstonexpress.notification.subscription.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.kingstonexpress.notification.config.Jdbc;

/** A seller's webhook subscriptions. Deleted ones are kept (their delivery log refers to them) but never used. */
@ApplicationScoped
public class SubscriptionStore {

    @Inject
    DataSource dataSource;

    public record Subscription(String subscriptionId, String sellerId, String url, List<String> eventTypes, String description,
            String secret, String status, String createdBy, Instant createdAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void create(Subscription s) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO notification_subscription (subscription_id, seller_id, url, event_types, description, secret, status,
                            created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""")) {
            insert.setString(1, s.subscriptionId());
            insert.setString(2, s.sellerId());
            insert.setString(3, s.url());
            insert.setArray(4, c.createArrayOf("text", s.eventTypes().toArray()));
            insert.setString(5, s.description());
            insert.setString(6, s.secret());
            insert.setString(7, s.createdBy());
            Jdbc.setInstant(insert, 8, s.createdAt());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.unavailable("subscription store", e);
        }
    }

    /**
     * Counts the seller's active subscriptions while holding a lock on the seller, so that concurrent
     * creates cannot both pass the per-seller limit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int lockAndCountActive(String sellerId) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('kx-subscriptions:' || ?))")) {
                lock.setString(1, sellerId);
                lock.execute();
            }
            try (PreparedStatement count = c.prepareStatement(
                    "SELECT count(*) FROM notification_subscription WHERE seller_id = ? AND status = 'ACTIVE'")) {
                count.setString(1, sellerId);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        } catch (SQLException e) {
            throw Jdbc.unavailable("subscription store", e);
        }
    }

    /** An active subscription. */
    public Optional<Subscription> findActive(String subscriptionId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(SELECT + " WHERE subscription_id = ? AND status = 'ACTIVE'")) {
            s.setString(1, subscriptionId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.unavailable("subscription store", e);
        }
    }

    /** The seller's active subscriptions, newest first, after the keyset of the previous page. */
    public List<Subscription> page(String sellerId, Instant afterCreatedAt, String afterId, int limit) {
        String sql = SELECT + " WHERE seller_id = ? AND status = 'ACTIVE'"
                + (afterCreatedAt == null ? "" : " AND (created_at, subscription_id) < (?, ?)")
                + " ORDER BY created_at DESC, subscription_id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, sellerId);
            if (afterCreatedAt != null) {
                Jdbc.setInstant(s, i++, afterCreatedAt);
                s.setString(i++, afterId);
            }
            s.setInt(i, limit + 1);
            List<Subscription> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.unavailable("subscription store", e);
        }
    }

    /**
     * Marks the subscription deleted and cancels what it was still owed (pending, and in flight: an attempt
     * under way finishes, but its outcome no longer schedules anything).
     *
     * @return false if there was no such active subscription of the seller
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean delete(String sellerId, String subscriptionId, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement delete = c.prepareStatement("""
                    UPDATE notification_subscription SET status = 'DELETED', deleted_at = ?
                    WHERE subscription_id = ? AND seller_id = ? AND status = 'ACTIVE'""")) {
                Jdbc.setInstant(delete, 1, now);
                delete.setString(2, subscriptionId);
                delete.setString(3, sellerId);
                if (delete.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement cancel = c.prepareStatement("""
                    UPDATE notification_delivery SET status = 'CANCELLED', lease_until = NULL, next_attempt_at = NULL, updated_at = ?
                    WHERE subscription_id = ? AND status IN ('PENDING', 'IN_FLIGHT')""")) {
                Jdbc.setInstant(cancel, 1, now);
                cancel.setString(2, subscriptionId);
                cancel.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw Jdbc.unavailable("subscription store", e);
        }
    }

    private static final String SELECT = """
            SELECT subscription_id, seller_id, url, event_types, description, secret, status, created_by, created_at
            FROM notification_subscription""";

    private static Subscription read(ResultSet rs) throws SQLException {
        Array types = rs.getArray("event_types");
        List<String> eventTypes = Arrays.asList((String[]) types.getArray());
        return new Subscription(rs.getString("subscription_id"), rs.getString("seller_id"), rs.getString("url"), List.copyOf(eventTypes),
                rs.getString("description"), rs.getString("secret"), rs.getString("status"), rs.getString("created_by"),
                Jdbc.instant(rs, "created_at"));
    }
}
