package com.kingstonexpress.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.kingstonexpress.platform.metrics.KxMetrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The outbox as operators watch it: unsent rows and the age of the oldest (gauges over {@code kx_outbox}), rows
 * published and failed sends (counters the relay increments once per batch). The gauges run one query over the
 * unsent rows' partial index, at most once per {@link #CACHE_FOR} however often Prometheus scrapes.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    static final Duration CACHE_FOR = Duration.ofSeconds(5);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;

    private Counter published;
    private Counter failures;
    private volatile Backlog backlog;

    /** Unsent rows and the oldest one's age in seconds, read at {@code readAtNanos} (monotonic). */
    private record Backlog(long unsent, double oldestAgeSeconds, long readAtNanos) {
    }

    void register(@Observes StartupEvent ignored) {
        published = registry.counter(KxMetrics.OUTBOX_PUBLISHED);
        failures = registry.counter(KxMetrics.OUTBOX_PUBLISH_FAILURES);
        Gauge.builder(KxMetrics.OUTBOX_UNSENT, this, m -> m.backlog().unsent())
                .description("Outbox rows not yet published to Kafka").register(registry);
        Gauge.builder(KxMetrics.OUTBOX_OLDEST_UNSENT_AGE, this, m -> m.backlog().oldestAgeSeconds()).baseUnit("seconds")
                .description("How long the oldest unpublished outbox row has waited").register(registry);
    }

    void published(int rows) {
        if (published != null && rows > 0) {
            published.increment(rows);
        }
    }

    void publishFailed() {
        if (failures != null) {
            failures.increment();
        }
    }

    private synchronized Backlog backlog() {
        Backlog last = backlog != null ? backlog : new Backlog(0, 0, 0);
        if (backlog != null && System.nanoTime() - last.readAtNanos() < CACHE_FOR.toNanos()) {
            return last;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)
                        FROM kx_outbox WHERE sent_at IS NULL""");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            backlog = new Backlog(rs.getLong(1), Math.max(0, rs.getDouble(2)), System.nanoTime());
        } catch (SQLException e) {
            // The database is away: keep the last figures (a scrape must not fail) and ask again after CACHE_FOR;
            // the pool's own metrics and the health check show the outage.
            backlog = new Backlog(last.unsent(), last.oldestAgeSeconds(), System.nanoTime());
            LOG.debugf("outbox metrics not refreshed: %s", e.getMessage());
        }
        return backlog;
    }
}
