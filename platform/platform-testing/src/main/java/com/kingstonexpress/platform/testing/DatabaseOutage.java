package com.kingstonexpress.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL outage for one database, as a service sees it: every open connection is terminated and new
 * ones are refused until {@link #close()}. The rest of the server (other tests' databases) is untouched.
 */
public final class DatabaseOutage implements AutoCloseable {

    private final String adminUrl;
    private final String database;
    private final String user;
    private final String password;

    private DatabaseOutage(String adminUrl, String database, String user, String password) {
        this.adminUrl = adminUrl;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /** Starts an outage of the database that {@code jdbcUrl} names (connecting to {@code postgres} to do it). */
    public static DatabaseOutage begin(String jdbcUrl, String user, String password) {
        int slash = jdbcUrl.lastIndexOf('/');
        int query = jdbcUrl.indexOf('?', slash);
        String database = query < 0 ? jdbcUrl.substring(slash + 1) : jdbcUrl.substring(slash + 1, query);
        DatabaseOutage outage = new DatabaseOutage(jdbcUrl.substring(0, slash + 1) + "postgres", database, user, password);
        outage.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
        outage.terminateConnections();
        return outage;
    }

    /** Terminates every connection to the database that is open now. */
    public void terminateConnections() {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                PreparedStatement kill = c.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            kill.setString(1, database);
            kill.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("could not terminate connections to " + database, e);
        }
    }

    /** Ends the outage: the database accepts connections again. */
    @Override
    public void close() {
        execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }
}
