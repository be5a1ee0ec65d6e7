package com.kingstonexpress.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

/**
 * Gauges read from the database: one query returning one row of numbers, read at most once per {@link #CACHE_FOR}
 * however often Prometheus scrapes, so a scrape costs at most one indexed query per row every few seconds.
 */
@ApplicationScoped
public class SqlGauges {

    private static final Logger LOG = Logger.getLogger(SqlGauges.class);
    static final Duration CACHE_FOR = Duration.ofSeconds(5);

    @Inject
    AgroalDataSource dataSource;

    /**
     * A row of {@code sql} (which returns exactly one row of numeric columns), to register gauges over. Register them
     * with {@code strongReference(true)}: Micrometer holds a gauge's object weakly, and nothing else holds this one.
     */
    public CachedRow row(String sql) {
        return new CachedRow(sql);
    }

    /** The latest values of one query's row; give {@code column(i)} to {@code Gauge.builder}. */
    public final class CachedRow {

        private final String sql;
        private double[] values;
        private long readAtNanos;

        private CachedRow(String sql) {
            this.sql = sql;
        }

        /** Column {@code index} (1-based, as JDBC counts) of the row; 0 until the first read succeeds. */
        public synchronized double column(int index) {
            if (values == null || System.nanoTime() - readAtNanos >= CACHE_FOR.toNanos()) {
                refresh();
            }
            return values == null || index > values.length ? 0 : values[index - 1];
        }

        private void refresh() {
            readAtNanos = System.nanoTime();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement(sql);
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                double[] read = new double[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < read.length; i++) {
                    read[i] = rs.getDouble(i + 1);
                }
                values = read;
            } catch (SQLException e) {
                // The database is away: keep the last figures (a scrape must not fail) and ask again after CACHE_FOR;
                // the pool's own metrics and the health check show the outage.
                LOG.debugf("gauges not refreshed: %s", e.getMessage());
            }
        }
    }
}
