package com.kingstonexpress.platform.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.kingstonexpress.platform.metrics.KxMetrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One runner at a time across every instance of a service: a PostgreSQL session advisory lock, held on a
 * connection of its own for as long as the work runs (the work commits in transactions of its own meanwhile).
 * If the instance dies, its session ends and the lock with it, so no run is left blocked by a dead one.
 * Each pass is counted ({@code kx_exclusive_runs_total{lock, outcome=ran|skipped}}), so an operator (and the
 * replica end-to-end test) can see which instance runs a job.
 */
@ApplicationScoped
public class AdvisoryLocks {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;

    /**
     * Runs {@code work} unless another instance is running work under the same {@code name}.
     *
     * @return the work's result, or empty when another instance holds the lock (nothing ran here)
     */
    public <T> Optional<T> runAlone(String name, Supplier<T> work) {
        long key = keyOf(name);
        try (Connection c = dataSource.getConnection()) {
            if (!call(c, "SELECT pg_try_advisory_lock(?)", key)) {
                registry.counter(KxMetrics.EXCLUSIVE_RUNS, "lock", name, "outcome", "skipped").increment();
                return Optional.empty();
            }
            registry.counter(KxMetrics.EXCLUSIVE_RUNS, "lock", name, "outcome", "ran").increment();
            try {
                return Optional.of(work.get());
            } finally {
                call(c, "SELECT pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("advisory lock " + name + " unavailable", e);
        }
    }

    private static boolean call(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** A stable 64-bit key for a name: the first eight bytes of its SHA-256. */
    static long keyOf(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                key = (key << 8) | (digest[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
